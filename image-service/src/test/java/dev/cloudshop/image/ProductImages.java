package dev.cloudshop.image;

import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RadialGradientPaint;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Point2D;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import javax.imageio.ImageIO;

/**
 * Product photos made in code, for tests: a studio gradient, a shadow, a shaded product
 * with a label bearing its name. Nothing comes from a file or the internet, and the same
 * name always gives the same colours.
 */
public final class ProductImages {

	private ProductImages() {
	}

	/**
	 * Draws a product.
	 * @param name the product's name, printed on its label
	 * @param width the image width
	 * @param height the image height
	 * @param cutOut {@code true} for a transparent background (a cut-out product shot),
	 * {@code false} for an opaque studio backdrop
	 * @return the image, {@code TYPE_INT_ARGB} when cut out, else {@code TYPE_INT_RGB}
	 */
	public static BufferedImage draw(String name, int width, int height, boolean cutOut) {
		BufferedImage image = new BufferedImage(width, height,
				cutOut ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
		Graphics2D g = image.createGraphics();
		try {
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			float hue = (name.hashCode() & 0xFFFF) / 65535f;
			Color product = Color.getHSBColor(hue, 0.65f, 0.85f);
			if (cutOut) {
				g.setComposite(AlphaComposite.Clear);
				g.fillRect(0, 0, width, height);
				g.setComposite(AlphaComposite.SrcOver);
			}
			else {
				g.setPaint(new GradientPaint(0, 0, Color.getHSBColor(hue, 0.08f, 0.98f), 0, height,
						Color.getHSBColor(hue, 0.15f, 0.75f)));
				g.fillRect(0, 0, width, height);
			}
			float w = width;
			float h = height;
			// Shadow on the floor.
			g.setPaint(new RadialGradientPaint(new Point2D.Float(w / 2, h * 0.86f), Math.max(1, w * 0.3f),
					new float[] { 0f, 1f }, new Color[] { new Color(0, 0, 0, 110), new Color(0, 0, 0, 0) }));
			g.fill(new Ellipse2D.Float(w * 0.2f, h * 0.8f, w * 0.6f, h * 0.12f));
			// The product: a rounded box, lit from the left.
			RoundRectangle2D body = new RoundRectangle2D.Float(w * 0.3f, h * 0.18f, w * 0.4f, h * 0.66f, w * 0.08f,
					w * 0.08f);
			g.setPaint(new GradientPaint(w * 0.3f, 0, product.brighter(), w * 0.7f, 0, product.darker().darker()));
			g.fill(body);
			g.setStroke(new BasicStroke(Math.max(1, w / 200f)));
			g.setColor(product.darker());
			g.draw(body);
			// A highlight and a cap.
			g.setPaint(new GradientPaint(0, h * 0.2f, new Color(255, 255, 255, 150), 0, h * 0.6f,
					new Color(255, 255, 255, 0)));
			g.fill(new RoundRectangle2D.Float(w * 0.34f, h * 0.2f, w * 0.06f, h * 0.55f, w * 0.04f, w * 0.04f));
			g.setColor(product.darker().darker());
			g.fill(new RoundRectangle2D.Float(w * 0.4f, h * 0.1f, w * 0.2f, h * 0.09f, w * 0.03f, w * 0.03f));
			// The label with the product's name.
			float labelTop = h * 0.44f;
			g.setColor(new Color(250, 248, 240));
			g.fill(new RoundRectangle2D.Float(w * 0.32f, labelTop, w * 0.36f, h * 0.16f, w * 0.02f, w * 0.02f));
			g.setColor(new Color(40, 40, 48));
			g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, Math.max(6, Math.round(h * 0.05f))));
			FontMetrics metrics = g.getFontMetrics();
			String label = (metrics.stringWidth(name) > w * 0.34f) ? initials(name) : name;
			g.drawString(label, (w - metrics.stringWidth(label)) / 2, labelTop + h * 0.08f + metrics.getAscent() / 3f);
		}
		finally {
			g.dispose();
		}
		return image;
	}

	private static String initials(String name) {
		StringBuilder initials = new StringBuilder();
		for (String word : name.split("\\s+")) {
			if (!word.isEmpty()) {
				initials.append(Character.toUpperCase(word.charAt(0)));
			}
		}
		return initials.toString();
	}

	/**
	 * @param name the product's name
	 * @param width the image width
	 * @param height the image height
	 * @return a JPEG photo of it on a studio backdrop
	 */
	public static byte[] jpeg(String name, int width, int height) {
		return encode(draw(name, width, height, false), "jpeg");
	}

	/**
	 * @param name the product's name
	 * @param width the image width
	 * @param height the image height
	 * @return a PNG of it cut out, on a transparent background
	 */
	public static byte[] png(String name, int width, int height) {
		return encode(draw(name, width, height, true), "png");
	}

	/**
	 * @param name the product's name
	 * @param width the image width
	 * @param height the image height
	 * @return an opaque PNG (no alpha channel) of it on a studio backdrop
	 */
	public static byte[] opaquePng(String name, int width, int height) {
		return encode(draw(name, width, height, false), "png");
	}

	/**
	 * A lossless WebP of one colour. Java has no WebP writer, so this writes the VP8L
	 * bitstream itself: with a single-symbol prefix code for each channel, every pixel
	 * takes no bits, so any size fits in a few dozen bytes.
	 * @param width the width, 1 to 16384
	 * @param height the height, 1 to 16384
	 * @param argb the colour
	 * @return the WebP file
	 */
	public static byte[] webp(int width, int height, int argb) {
		// Encoders end the bitstream on whole bytes with the image data after it; a
		// decoder reads ahead into those bytes.
		return webp(width, height, argb, 16);
	}

	static byte[] webp(int width, int height, int argb, int trailingBytes) {
		Bits bits = new Bits();
		bits.write(0x2F, 8); // VP8L signature
		bits.write(width - 1, 14);
		bits.write(height - 1, 14);
		bits.write(((argb >>> 24) != 0xFF) ? 1 : 0, 1); // alpha is used
		bits.write(0, 3); // version
		bits.write(0, 1); // no transform
		bits.write(0, 1); // no colour cache
		bits.write(0, 1); // no meta prefix codes
		int[] symbols = { (argb >> 8) & 0xFF, (argb >> 16) & 0xFF, argb & 0xFF, (argb >>> 24) & 0xFF, 0 };
		for (int symbol : symbols) {
			bits.write(1, 1); // simple code
			bits.write(0, 1); // one symbol
			bits.write(1, 1); // of eight bits
			bits.write(symbol, 8);
		}
		byte[] stream = bits.toByteArray();
		byte[] vp8l = Arrays.copyOf(stream, stream.length + trailingBytes);
		int padded = vp8l.length + (vp8l.length & 1);
		ByteBuffer riff = ByteBuffer.allocate(20 + padded).order(ByteOrder.LITTLE_ENDIAN);
		riff.put(ascii("RIFF")).putInt(12 + padded).put(ascii("WEBP")).put(ascii("VP8L")).putInt(vp8l.length);
		riff.put(vp8l);
		return riff.array();
	}

	/**
	 * Adds an EXIF segment to a JPEG, as a phone writes it: an orientation and a GPS
	 * position (48°51'30" N).
	 * @param jpeg a JPEG without EXIF
	 * @param orientation the EXIF orientation, 1 to 8
	 * @param order the byte order of the EXIF data
	 * @return the JPEG with the segment right after its start marker
	 */
	public static byte[] withExif(byte[] jpeg, int orientation, ByteOrder order) {
		ByteBuffer tiff = ByteBuffer.allocate(92).order(order);
		tiff.put(ascii((order == ByteOrder.BIG_ENDIAN) ? "MM" : "II")).putShort((short) 42).putInt(8);
		tiff.putShort((short) 2); // IFD0 at 8: orientation and a pointer to the GPS IFD
		tiff.putShort((short) 0x0112).putShort((short) 3).putInt(1).putShort((short) orientation).putShort((short) 0);
		tiff.putShort((short) 0x8825).putShort((short) 4).putInt(1).putInt(38);
		tiff.putInt(0);
		tiff.putShort((short) 2); // GPS IFD at 38: latitude reference and latitude
		tiff.putShort((short) 1).putShort((short) 2).putInt(2).put((byte) 'N').put((byte) 0).putShort((short) 0);
		tiff.putShort((short) 2).putShort((short) 5).putInt(3).putInt(68);
		tiff.putInt(0);
		tiff.putInt(48).putInt(1).putInt(51).putInt(1).putInt(30).putInt(1); // at 68
		byte[] exif = concat(ascii("Exif\0\0"), Arrays.copyOf(tiff.array(), tiff.position()));
		int length = exif.length + 2;
		byte[] segment = concat(new byte[] { (byte) 0xFF, (byte) 0xE1, (byte) (length >> 8), (byte) length }, exif);
		return concat(Arrays.copyOf(jpeg, 2), segment, Arrays.copyOfRange(jpeg, 2, jpeg.length));
	}

	/**
	 * @param image an image
	 * @param formatName an Image I/O format name: jpeg, png, gif, bmp or tiff
	 * @return the image in that format
	 */
	public static byte[] encode(BufferedImage image, String formatName) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try {
			if (!ImageIO.write(image, formatName, bytes)) {
				throw new IllegalArgumentException("No writer for " + formatName);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

	/**
	 * @param bytes an encoded image
	 * @return it decoded
	 */
	public static BufferedImage decode(byte[] bytes) {
		try {
			BufferedImage image = ImageIO.read(new ByteArrayInputStream(bytes));
			if (image == null) {
				throw new IllegalArgumentException("Not an image Image I/O reads");
			}
			return image;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static byte[] concat(byte[]... parts) {
		ByteArrayOutputStream all = new ByteArrayOutputStream();
		for (byte[] part : parts) {
			all.writeBytes(part);
		}
		return all.toByteArray();
	}

	static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.US_ASCII);
	}

	// Writes bits least significant first, as VP8L reads them.
	private static final class Bits {

		private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

		private long buffer;

		private int count;

		void write(int value, int width) {
			this.buffer |= (value & ((1L << width) - 1)) << this.count;
			this.count += width;
			while (this.count >= 8) {
				this.bytes.write((int) (this.buffer & 0xFF));
				this.buffer >>>= 8;
				this.count -= 8;
			}
		}

		byte[] toByteArray() {
			if (this.count > 0) {
				this.bytes.write((int) (this.buffer & 0xFF));
				this.buffer = 0;
				this.count = 0;
			}
			return this.bytes.toByteArray();
		}

	}

}
