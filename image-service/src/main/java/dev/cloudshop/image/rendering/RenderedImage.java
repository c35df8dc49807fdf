package dev.cloudshop.image.rendering;

import java.util.Map;

/**
 * An accepted upload and every rendition of it.
 *
 * @param source the format the upload was in, as its bytes showed
 * @param width the upright image's width in pixels
 * @param height the upright image's height in pixels
 * @param renditions every rendition, by name
 */
public record RenderedImage(ImageFormat source, int width, int height, Map<RenditionName, EncodedImage> renditions) {

	public RenderedImage {
		renditions = Map.copyOf(renditions);
	}

}
