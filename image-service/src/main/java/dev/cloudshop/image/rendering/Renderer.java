package dev.cloudshop.image.rendering;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import javax.imageio.IIOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageReader;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

import net.coobird.thumbnailator.Thumbnails;

import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Component;

/**
 * Makes the renditions of an upload, or refuses it. In order, each step before anything
 * costly:
 * <ol>
 * <li>waits for a decoding turn, so that only a few images are in memory at once;</li>
 * <li>reads at most {@link ImageLimits#maxFileSize()} bytes;</li>
 * <li>recognises the format by its magic number (never the name or the declared
 * type);</li>
 * <li>reads the width and height from the header alone and refuses them when over the
 * limits, before a single pixel is decoded;</li>
 * <li>decodes the whole image, refusing it when the decoder fails, has to patch it up (a
 * truncated JPEG decodes with a warning and a grey bottom) or keeps reading past its end
 * (see {@link UploadImageInputStream});</li>
 * <li>turns it upright and writes every rendition anew, JPEG or, where the image has
 * transparency, PNG: no EXIF, GPS position or other metadata of the upload is kept, and
 * nothing else of its bytes reaches a client.</li>
 * </ol>
 */
@Component
public class Renderer {

	private static final float JPEG_QUALITY = 0.85f;

	private final ImageLimits limits;

	private final DecodingSlots slots;

	private final ImageCodecs codecs;

	Renderer(ImageLimits limits, DecodingSlots slots, ImageCodecs codecs) {
		this.limits = limits;
		this.slots = slots;
		this.codecs = codecs;
	}

	/**
	 * Makes every rendition of an upload.
	 * @param upload the uploaded file
	 * @return its renditions
	 * @throws RefusedImageException if the upload is not an image this service takes
	 * @throws BusyException if no decoding turn came in time
	 */
	public RenderedImage render(InputStreamSource upload) {
		try (DecodingSlots.Slot slot = this.slots.acquire()) {
			byte[] bytes = read(upload);
			ImageFormat format = ImageFormat.detect(bytes);
			ImageReader reader = this.codecs.reader(format);
			try (ImageInputStream input = new UploadImageInputStream(bytes)) {
				reader.setInput(input, true, true);
				checkHeader(reader, format);
				int orientation = (format == ImageFormat.JPEG) ? ExifOrientation.of(bytes) : ExifOrientation.UPRIGHT;
				// One expression, so that no variable keeps the image as decoded
				// reachable once it is turned: at 40 megapixels that is 120 MB more while
				// encoding.
				BufferedImage upright = ExifOrientation.upright(standardised(decode(reader, format)), orientation);
				return new RenderedImage(format, upright.getWidth(), upright.getHeight(), renditions(upright));
			}
			finally {
				reader.dispose();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private byte[] read(InputStreamSource upload) throws IOException {
		long limit = this.limits.maxFileSize().toBytes();
		try (InputStream input = upload.getInputStream()) {
			byte[] bytes = input.readNBytes((int) Math.min(limit + 1, Integer.MAX_VALUE - 8));
			if (bytes.length > limit) {
				throw RefusedImageException.fileTooLarge(this.limits.maxFileSize());
			}
			return bytes;
		}
	}

	private void checkHeader(ImageReader reader, ImageFormat format) {
		int width;
		int height;
		try {
			width = reader.getWidth(0);
			height = reader.getHeight(0);
		}
		catch (IOException | RuntimeException ex) {
			throw RefusedImageException.unreadable(format, ex);
		}
		this.limits.checkHeader(format, width, height);
	}

	private static BufferedImage decode(ImageReader reader, ImageFormat format) {
		List<String> warnings = new ArrayList<>();
		reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
		BufferedImage image;
		try {
			image = reader.read(0);
		}
		catch (IOException | RuntimeException ex) {
			throw RefusedImageException.unreadable(format, ex);
		}
		if (!warnings.isEmpty()) {
			throw RefusedImageException.unreadable(format, new IIOException(String.join("; ", warnings)));
		}
		return image;
	}

	// The image in an sRGB layout that the resizer and both writers take as it is:
	// 16-bit, grey, indexed and CMYK images, or other colour spaces, are converted; the
	// usual 8-bit RGB ones are not copied.
	private static BufferedImage standardised(BufferedImage image) {
		int type = image.getType();
		boolean standard = type == BufferedImage.TYPE_3BYTE_BGR || type == BufferedImage.TYPE_INT_RGB
				|| type == BufferedImage.TYPE_INT_ARGB || type == BufferedImage.TYPE_4BYTE_ABGR;
		if (standard && image.getColorModel().getColorSpace().isCS_sRGB()) {
			return image;
		}
		BufferedImage converted = new BufferedImage(image.getWidth(), image.getHeight(),
				image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = converted.createGraphics();
		try {
			graphics.drawImage(image, 0, 0, null);
		}
		finally {
			graphics.dispose();
		}
		return converted;
	}

	private Map<RenditionName, EncodedImage> renditions(BufferedImage upright) throws IOException {
		ImageFormat output = upright.getColorModel().hasAlpha() ? ImageFormat.PNG : ImageFormat.JPEG;
		Map<RenditionName, EncodedImage> renditions = new EnumMap<>(RenditionName.class);
		BufferedImage previous = upright;
		for (RenditionName name : RenditionName.values()) {
			BufferedImage rendition = resized(previous, name.fit(previous.getWidth(), previous.getHeight()));
			renditions.put(name,
					new EncodedImage(output, rendition.getWidth(), rendition.getHeight(), encode(rendition, output)));
			previous = rendition;
		}
		return renditions;
	}

	private static BufferedImage resized(BufferedImage image, RenditionName.Size size) throws IOException {
		if (size.width() == image.getWidth() && size.height() == image.getHeight()) {
			return image;
		}
		return Thumbnails.of(image)
			.forceSize(size.width(), size.height())
			.imageType(image.getColorModel().hasAlpha() ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB)
			.asBufferedImage();
	}

	private byte[] encode(BufferedImage image, ImageFormat format) throws IOException {
		ImageWriter writer = this.codecs.writer(format);
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ImageOutputStream output = new MemoryCacheImageOutputStream(bytes)) {
			writer.setOutput(output);
			ImageWriteParam parameters = writer.getDefaultWriteParam();
			if (format == ImageFormat.JPEG) {
				parameters.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
				parameters.setCompressionQuality(JPEG_QUALITY);
			}
			// No stream or image metadata: the writer adds only what the format needs.
			writer.write(null, new IIOImage(image, null, null), parameters);
		}
		finally {
			writer.dispose();
		}
		return bytes.toByteArray();
	}

}
