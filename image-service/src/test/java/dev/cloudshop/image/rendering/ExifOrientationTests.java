package dev.cloudshop.image.rendering;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.cloudshop.image.HostileFiles;
import dev.cloudshop.image.ProductImages;

import static org.assertj.core.api.Assertions.assertThat;

class ExifOrientationTests {

	private final byte[] photo = ProductImages.jpeg("Camera", 64, 48);

	@ParameterizedTest
	@ValueSource(ints = { 1, 3, 6, 8 })
	void readsTheOrientationABigEndianCameraWrites(int orientation) {
		assertThat(ExifOrientation.of(ProductImages.withExif(this.photo, orientation, ByteOrder.BIG_ENDIAN)))
			.isEqualTo(orientation);
	}

	@Test
	void readsTheOrientationALittleEndianCameraWrites() {
		assertThat(ExifOrientation.of(ProductImages.withExif(this.photo, 6, ByteOrder.LITTLE_ENDIAN))).isEqualTo(6);
	}

	@Test
	void takesAnImageWithoutExifAsUpright() {
		assertThat(ExifOrientation.of(this.photo)).isEqualTo(1);
		assertThat(ExifOrientation.of(ProductImages.png("Camera", 8, 8))).isEqualTo(1);
		assertThat(ExifOrientation.of(new byte[0])).isEqualTo(1);
	}

	@Test
	void takesAnOrientationOutOfRangeAsUpright() {
		assertThat(ExifOrientation.of(ProductImages.withExif(this.photo, 9, ByteOrder.BIG_ENDIAN))).isEqualTo(1);
		assertThat(ExifOrientation.of(ProductImages.withExif(this.photo, 0, ByteOrder.BIG_ENDIAN))).isEqualTo(1);
	}

	@Test
	void takesExifWhoseOffsetsPointOutsideItsSegmentAsUpright() {
		byte[] jpeg = ProductImages.withExif(this.photo, 6, ByteOrder.BIG_ENDIAN);
		// FF D8, FF E1, length, "Exif\0\0", then TIFF: "MM", 42, offset of the first
		// directory
		ByteBuffer.wrap(jpeg).putInt(2 + 4 + 6 + 4, 0x7FFF_FFF0);
		assertThat(ExifOrientation.of(jpeg)).isEqualTo(1);
	}

	@Test
	void takesASegmentLongerThanTheFileAsUpright() {
		byte[] jpeg = ProductImages.withExif(this.photo, 6, ByteOrder.BIG_ENDIAN);
		assertThat(ExifOrientation.of(Arrays.copyOf(jpeg, 40))).isEqualTo(1);
		assertThat(ExifOrientation.of(HostileFiles.randomBytes(200))).isEqualTo(1);
	}

	@Test
	void turnsAnImageTakenSidewaysUpright() {
		// Orientation 6: the camera was turned clockwise; the top left pixel belongs at
		// the top right.
		BufferedImage sideways = new BufferedImage(30, 20, BufferedImage.TYPE_INT_RGB);
		sideways.setRGB(0, 0, Color.RED.getRGB());

		BufferedImage upright = ExifOrientation.upright(sideways, 6);

		assertThat(upright.getWidth()).isEqualTo(20);
		assertThat(upright.getHeight()).isEqualTo(30);
		assertThat(upright.getRGB(19, 0)).isEqualTo(Color.RED.getRGB());
	}

	@ParameterizedTest
	@ValueSource(ints = { BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB,
			BufferedImage.TYPE_4BYTE_ABGR })
	void putsEveryPixelWhereEachOrientationSays(int type) {
		int width = 5;
		int height = 3;
		BufferedImage stored = new BufferedImage(width, height, type);
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				stored.setRGB(x, y, pixel(x, y));
			}
		}
		for (int orientation = 1; orientation <= 8; orientation++) {
			BufferedImage upright = ExifOrientation.upright(stored, orientation);

			assertThat(upright.getType()).isEqualTo(type);
			for (int y = 0; y < height; y++) {
				for (int x = 0; x < width; x++) {
					// Where the EXIF specification puts the stored pixel (x, y).
					int[] at = switch (orientation) {
						case 1 -> new int[] { x, y };
						case 2 -> new int[] { width - 1 - x, y };
						case 3 -> new int[] { width - 1 - x, height - 1 - y };
						case 4 -> new int[] { x, height - 1 - y };
						case 5 -> new int[] { y, x };
						case 6 -> new int[] { height - 1 - y, x };
						case 7 -> new int[] { height - 1 - y, width - 1 - x };
						default -> new int[] { y, width - 1 - x };
					};
					assertThat(upright.getRGB(at[0], at[1])).as("orientation %d, pixel (%d, %d)", orientation, x, y)
						.isEqualTo(pixel(x, y));
				}
			}
		}
	}

	private static int pixel(int x, int y) {
		return 0xFF000000 | (x * 40) << 16 | (y * 80) << 8 | (x + y * 5);
	}

	@Test
	void leavesAnUprightImageAsItIs() {
		BufferedImage image = new BufferedImage(30, 20, BufferedImage.TYPE_INT_RGB);
		assertThat(ExifOrientation.upright(image, 1)).isSameAs(image);
		assertThat(ExifOrientation.upright(image, 42)).isSameAs(image);
	}

}
