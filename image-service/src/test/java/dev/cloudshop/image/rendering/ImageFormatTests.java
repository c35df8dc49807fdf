package dev.cloudshop.image.rendering;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.cloudshop.image.HostileFiles;
import dev.cloudshop.image.ProductImages;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ImageFormatTests {

	static Stream<Arguments> images() {
		return Stream.of(Arguments.of(ProductImages.jpeg("Kettle", 32, 32), ImageFormat.JPEG),
				Arguments.of(ProductImages.png("Kettle", 32, 32), ImageFormat.PNG),
				Arguments.of(ProductImages.webp(32, 32, 0xFF336699), ImageFormat.WEBP),
				// Only the magic number counts: nothing else has to be right yet.
				Arguments.of(HostileFiles.truncated(ProductImages.jpeg("Kettle", 32, 32), 0.1), ImageFormat.JPEG));
	}

	@ParameterizedTest
	@MethodSource("images")
	void recognisesJpegPngAndWebpByTheirBytes(byte[] bytes, ImageFormat format) {
		assertThat(ImageFormat.detect(bytes)).isEqualTo(format);
	}

	static Stream<Arguments> notAccepted() {
		return Stream.of(Arguments.of("GIF", HostileFiles.productIn("gif"), "a GIF image"),
				Arguments.of("BMP", HostileFiles.productIn("bmp"), "a BMP image"),
				Arguments.of("TIFF", HostileFiles.productIn("tiff"), "a TIFF image"),
				Arguments.of("SVG", HostileFiles.svg(), "SVG, HTML or other markup"),
				Arguments.of("HTML", HostileFiles.html(), "SVG, HTML or other markup"),
				Arguments.of("PDF", ascii("%PDF-1.7\n%âãÏÓ\n1 0 obj"), "a PDF document"),
				Arguments.of("AVIF", ascii("\0\0\0\u001cftypavif\0\0\0\0"), "an HEIF, AVIF"),
				Arguments.of("WAVE", ascii("RIFF\u0024\0\0\0WAVEfmt "), "not an image"),
				Arguments.of("random", HostileFiles.randomBytes(4096), "not an image"),
				Arguments.of("PNG signature cut short", ascii("\u0089PNG"), "not an image"),
				Arguments.of("empty", new byte[0], "not an image"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("notAccepted")
	void refusesWhatIsNotJpegPngOrWebpSayingWhatItIs(String name, byte[] bytes, String what) {
		assertThatExceptionOfType(RefusedImageException.class).isThrownBy(() -> ImageFormat.detect(bytes))
			.satisfies((refused) -> {
				assertThat(refused.getStatusCode().value()).isEqualTo(415);
				assertThat(refused.getBody().getType())
					.hasToString("https://cloudshop.dev/problems/unsupported-image-type");
				assertThat(refused.getBody().getDetail()).contains(what);
				assertThat(refused.getBody().getProperties()).containsEntry("field", "file");
			});
	}

	@Test
	void listsTheTypesItAccepts() {
		assertThat(ImageFormat.acceptedContentTypes()).containsExactly("image/jpeg", "image/png", "image/webp");
	}

	private static byte[] ascii(String text) {
		return text.getBytes(StandardCharsets.ISO_8859_1);
	}

}
