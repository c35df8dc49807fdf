package dev.cloudshop.image.image;

import java.time.Instant;
import java.util.UUID;

/**
 * An image's metadata as the public API shows it.
 */
record ImageView(UUID id, String owner, String contentType, int width, int height, Instant createdAt) {

	static ImageView of(Image image) {
		return new ImageView(image.getId(), image.getOwner(), image.getContentType(), image.getWidth(),
				image.getHeight(), image.getCreatedAt());
	}

}
