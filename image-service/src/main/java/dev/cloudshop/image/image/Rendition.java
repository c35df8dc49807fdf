package dev.cloudshop.image.image;

import java.io.Serializable;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import org.hibernate.annotations.Immutable;

import dev.cloudshop.image.rendering.EncodedImage;
import dev.cloudshop.image.rendering.RenditionName;

import org.springframework.data.domain.Persistable;

/**
 * One rendition of an image, bytes included: stored in the database so that every
 * instance can serve every image. Never changes once stored, so its ETag is the SHA-256
 * of its bytes.
 */
@Entity
@Table(name = "rendition")
@IdClass(Rendition.Key.class)
@Immutable
class Rendition implements Persistable<Rendition.Key> {

	@Id
	private UUID imageId;

	@Id
	private String name;

	@Column(nullable = false)
	private String contentType;

	private int width;

	private int height;

	@Column(nullable = false)
	private String sha256;

	@Column(nullable = false)
	private byte[] bytes;

	// Its key is known before it is stored: tells Spring Data to insert rather than
	// merge.
	@Transient
	private boolean stored;

	protected Rendition() {
	}

	Rendition(UUID imageId, RenditionName name, EncodedImage encoded) {
		this.imageId = imageId;
		this.name = name.slug();
		this.contentType = encoded.format().contentType();
		this.width = encoded.width();
		this.height = encoded.height();
		this.bytes = encoded.bytes();
		this.sha256 = sha256(encoded.bytes());
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("Every Java platform has SHA-256", ex);
		}
	}

	@Override
	public Key getId() {
		return new Key(this.imageId, this.name);
	}

	@Override
	public boolean isNew() {
		return !this.stored;
	}

	@PostPersist
	@PostLoad
	void markStored() {
		this.stored = true;
	}

	String getContentType() {
		return this.contentType;
	}

	int getWidth() {
		return this.width;
	}

	int getHeight() {
		return this.height;
	}

	String getSha256() {
		return this.sha256;
	}

	byte[] getBytes() {
		return this.bytes;
	}

	/**
	 * A rendition's key: its image and its name.
	 *
	 * @param imageId the image's id
	 * @param name the rendition's name, such as {@code thumbnail}
	 */
	record Key(UUID imageId, String name) implements Serializable {
	}

}
