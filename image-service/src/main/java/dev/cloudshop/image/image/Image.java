package dev.cloudshop.image.image;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.springframework.util.Assert;

/**
 * An uploaded image's metadata.
 */
@Entity
@Table(name = "image")
public class Image {

	@Id
	@GeneratedValue(strategy = GenerationType.UUID)
	private UUID id;

	@Column(nullable = false)
	private String owner;

	@Column(nullable = false)
	private String contentType;

	private int width;

	private int height;

	@Column(nullable = false)
	private Instant createdAt;

	protected Image() {
	}

	/**
	 * An image stored at the given instant.
	 * @param owner who it belongs to, such as a product's sku
	 * @param contentType its media type, such as {@code image/png}
	 * @param width its width in pixels, more than zero
	 * @param height its height in pixels, more than zero
	 * @param createdAt when it is stored, in the microseconds PostgreSQL keeps, so that
	 * what is read back equals it
	 */
	public Image(String owner, String contentType, int width, int height, Instant createdAt) {
		Assert.hasText(owner, "owner must not be blank");
		Assert.hasText(contentType, "contentType must not be blank");
		Assert.isTrue(width > 0 && height > 0, "width and height must be positive");
		Assert.notNull(createdAt, "createdAt must not be null");
		this.owner = owner;
		this.contentType = contentType;
		this.width = width;
		this.height = height;
		this.createdAt = createdAt;
	}

	public UUID getId() {
		return this.id;
	}

	public String getOwner() {
		return this.owner;
	}

	public String getContentType() {
		return this.contentType;
	}

	public int getWidth() {
		return this.width;
	}

	public int getHeight() {
		return this.height;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

}
