package dev.cloudshop.image.rendering;

import java.util.Iterator;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriter;

import org.springframework.stereotype.Component;

/**
 * The Image I/O readers and writers, set up once for the whole JVM: Image I/O's settings
 * and plugin registry are global.
 */
@Component
class ImageCodecs {

	ImageCodecs() {
		// Image I/O caches streams in temporary files by default; uploads are bounded, so
		// they stay in memory and nothing is written to the local disk.
		ImageIO.setUseCache(false);
		// Registers the TwelveMonkeys readers (JPEG, WebP) whichever thread uses Image
		// I/O first, and fails at startup, not at the first upload, when one is missing.
		ImageIO.scanForPlugins();
		for (ImageFormat format : ImageFormat.values()) {
			reader(format).dispose();
		}
		writer(ImageFormat.JPEG).dispose();
		writer(ImageFormat.PNG).dispose();
	}

	/**
	 * @param format a format this service reads
	 * @return a new reader of it, to dispose of after use
	 */
	ImageReader reader(ImageFormat format) {
		Iterator<ImageReader> readers = ImageIO.getImageReadersByFormatName(format.formatName());
		if (!readers.hasNext()) {
			throw new IllegalStateException("No Image I/O reader for " + format + " on the class path");
		}
		// TwelveMonkeys orders its JPEG reader before the JDK's.
		return readers.next();
	}

	/**
	 * @param format JPEG or PNG: Image I/O has no WebP writer
	 * @return a new writer of it, to dispose of after use
	 */
	ImageWriter writer(ImageFormat format) {
		Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format.formatName());
		if (!writers.hasNext()) {
			throw new IllegalStateException("No Image I/O writer for " + format + " on the class path");
		}
		return writers.next();
	}

}
