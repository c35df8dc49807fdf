package dev.cloudshop.image.image;

import java.time.Instant;
import java.util.UUID;

import dev.cloudshop.image.rendering.RenditionName;

/**
 * An image's metadata as the public API shows it.
 *
 * @param id the image's id
 * @param owner who it belongs to, such as a product's sku
 * @param contentType the format that was uploaded, as its bytes showed; renditions are
 * JPEG, or PNG where the image has transparency
 * @param width the upright image's width in pixels
 * @param height the upright image's height in pixels
 * @param renditions where each rendition is; every one exists once the upload returns
 * @param createdAt when it was uploaded
 */
record ImageView(UUID id, String owner, String contentType, int width, int height, RenditionUrls renditions,
		Instant createdAt) {

	static ImageView of(Image image) {
		return new ImageView(image.getId(), image.getOwner(), image.getContentType(), image.getWidth(),
				image.getHeight(), RenditionUrls.of(image.getId()), image.getCreatedAt());
	}

	/**
	 * The paths of an image's renditions, relative to the host that served the metadata
	 * (the gateway or the service).
	 *
	 * @param original the whole image, re-encoded without metadata
	 * @param medium fits in 800 x 800 pixels
	 * @param thumbnail fits in 200 x 200 pixels
	 */
	record RenditionUrls(String original, String medium, String thumbnail) {

		static RenditionUrls of(UUID id) {
			return new RenditionUrls(path(id, RenditionName.ORIGINAL), path(id, RenditionName.MEDIUM),
					path(id, RenditionName.THUMBNAIL));
		}

		private static String path(UUID id, RenditionName name) {
			return "/api/images/" + id + "/" + name.slug();
		}

	}

}
