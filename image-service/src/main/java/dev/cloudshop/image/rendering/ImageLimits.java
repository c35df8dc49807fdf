package dev.cloudshop.image.rendering;

import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * What an upload may be. The pixel and side limits are checked from the image header,
 * before anything is decoded: they bound the memory a decode takes, whatever the file
 * size (a PNG of a few kilobytes can declare a billion pixels).
 *
 * @param maxFileSize the largest file; {@code spring.servlet.multipart.max-file-size}
 * follows it
 * @param maxPixels the most pixels (width times height); a decoded image takes 3 to 8
 * bytes a pixel
 * @param maxDimension the longest side, in pixels, so that a 1 x 60000 strip is refused
 * even though its pixel count is small
 */
@ConfigurationProperties("image.limits")
@Validated
record ImageLimits(@DefaultValue("10MB") DataSize maxFileSize, @DefaultValue("40000000") @Positive long maxPixels,
		@DefaultValue("12000") @Positive int maxDimension) {

	/**
	 * Refuses an image whose header declares more than these limits. The pixel count is
	 * checked first: it is what makes a decompression bomb dangerous.
	 * @param format the format, for the problem of an impossible size
	 * @param width the width the header declares
	 * @param height the height the header declares
	 * @throws RefusedImageException if the image is over a limit
	 */
	void checkHeader(ImageFormat format, int width, int height) {
		if (width <= 0 || height <= 0) {
			throw RefusedImageException.unreadable(format, null);
		}
		if ((long) width * height > this.maxPixels) {
			throw RefusedImageException.tooManyPixels(width, height, this.maxPixels);
		}
		if (width > this.maxDimension || height > this.maxDimension) {
			throw RefusedImageException.dimensions(width, height, this.maxDimension);
		}
	}

}
