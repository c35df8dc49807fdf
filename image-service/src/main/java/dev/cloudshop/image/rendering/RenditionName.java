package dev.cloudshop.image.rendering;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The renditions made of every image, each fitted into a square box with its aspect ratio
 * kept and never enlarged. Each is made from the one before it, so the order matters.
 */
public enum RenditionName {

	/** The whole image, re-encoded: upright, without metadata. */
	ORIGINAL(Integer.MAX_VALUE),

	/** For a product page: fits in 800 x 800 pixels. */
	MEDIUM(800),

	/** For lists and the basket: fits in 200 x 200 pixels. */
	THUMBNAIL(200);

	private final int maxSide;

	RenditionName(int maxSide) {
		this.maxSide = maxSide;
	}

	/**
	 * @return the name in URLs and in the database, such as {@code thumbnail}
	 */
	public String slug() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * @param slug a name as it appears in a URL, such as {@code thumbnail}
	 * @return the rendition of that name, if there is one
	 */
	public static Optional<RenditionName> ofSlug(String slug) {
		return Arrays.stream(values()).filter((name) -> name.slug().equals(slug)).findFirst();
	}

	/**
	 * The size of this rendition of an image: the largest that fits in the box with the
	 * same aspect ratio, at least one pixel a side, and never larger than the image.
	 * @param width the image's width
	 * @param height the image's height
	 * @return the rendition's size
	 */
	Size fit(int width, int height) {
		if (width <= this.maxSide && height <= this.maxSide) {
			return new Size(width, height);
		}
		double scale = Math.min((double) this.maxSide / width, (double) this.maxSide / height);
		return new Size(Math.max(1, (int) Math.round(width * scale)), Math.max(1, (int) Math.round(height * scale)));
	}

	/**
	 * A size in pixels.
	 *
	 * @param width the width
	 * @param height the height
	 */
	record Size(int width, int height) {
	}

}
