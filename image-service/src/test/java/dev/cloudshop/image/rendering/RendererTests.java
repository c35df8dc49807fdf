package dev.cloudshop.image.rendering;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import javax.imageio.stream.ImageInputStream;
import javax.imageio.stream.MemoryCacheImageInputStream;

import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegment;
import com.twelvemonkeys.imageio.metadata.jpeg.JPEGSegmentUtil;
import org.junit.jupiter.api.Test;

import dev.cloudshop.image.HostileFiles;
import dev.cloudshop.image.ProductImages;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class RendererTests {

	private static final int APP1 = 0xFFE1;

	private final DecodingSlots slots = new DecodingSlots(new DecodingProperties(2, Duration.ZERO));

	private final Renderer renderer = new Renderer(new ImageLimits(DataSize.ofMegabytes(10), 40_000_000, 12_000),
			this.slots, new ImageCodecs());

	@Test
	void makesAnOriginalAMediumAndAThumbnailThatFitTheirBoxes() {
		RenderedImage rendered = render(ProductImages.jpeg("Desk Lamp", 1600, 1200));

		assertThat(rendered.source()).isEqualTo(ImageFormat.JPEG);
		assertThat(rendered.width()).isEqualTo(1600);
		assertThat(rendered.height()).isEqualTo(1200);
		assertRendition(rendered, RenditionName.ORIGINAL, ImageFormat.JPEG, 1600, 1200);
		assertRendition(rendered, RenditionName.MEDIUM, ImageFormat.JPEG, 800, 600);
		assertRendition(rendered, RenditionName.THUMBNAIL, ImageFormat.JPEG, 200, 150);
	}

	@Test
	void neverEnlargesASmallImage() {
		RenderedImage rendered = render(ProductImages.jpeg("Ring", 120, 90));

		for (RenditionName name : RenditionName.values()) {
			assertRendition(rendered, name, ImageFormat.JPEG, 120, 90);
		}
	}

	@Test
	void keepsTransparencyByWritingPng() {
		RenderedImage rendered = render(ProductImages.png("Vase", 900, 1200));

		assertThat(rendered.source()).isEqualTo(ImageFormat.PNG);
		assertRendition(rendered, RenditionName.MEDIUM, ImageFormat.PNG, 600, 800);
		BufferedImage thumbnail = assertRendition(rendered, RenditionName.THUMBNAIL, ImageFormat.PNG, 150, 200);
		assertThat(thumbnail.getColorModel().hasAlpha()).isTrue();
		assertThat(thumbnail.getRGB(0, 0) >>> 24).as("alpha of the background").isZero();
		assertThat(thumbnail.getRGB(75, 100) >>> 24).as("alpha of the product").isEqualTo(0xFF);
	}

	@Test
	void writesAPngWithoutTransparencyAsJpeg() {
		RenderedImage rendered = render(ProductImages.opaquePng("Poster", 1000, 500));

		assertThat(rendered.source()).isEqualTo(ImageFormat.PNG);
		assertRendition(rendered, RenditionName.MEDIUM, ImageFormat.JPEG, 800, 400);
	}

	@Test
	void readsWebpAndWritesJpeg() {
		RenderedImage rendered = render(ProductImages.webp(1000, 750, 0xFF336699));

		assertThat(rendered.source()).isEqualTo(ImageFormat.WEBP);
		BufferedImage medium = assertRendition(rendered, RenditionName.MEDIUM, ImageFormat.JPEG, 800, 600);
		int rgb = medium.getRGB(400, 300);
		assertThat((rgb >> 16) & 0xFF).isCloseTo(0x33, org.assertj.core.api.Assertions.within(4));
		assertThat(rgb & 0xFF).isCloseTo(0x99, org.assertj.core.api.Assertions.within(4));
	}

	@Test
	void readsASixteenBitGreyPng() {
		BufferedImage grey = new BufferedImage(400, 300, BufferedImage.TYPE_USHORT_GRAY);
		RenderedImage rendered = render(ProductImages.encode(grey, "png"));

		assertRendition(rendered, RenditionName.THUMBNAIL, ImageFormat.JPEG, 200, 150);
	}

	@Test
	void dropsTheExifAndGpsPositionOfAPhoto() throws IOException {
		byte[] photo = ProductImages.withExif(ProductImages.jpeg("Sneaker", 640, 480), 1, ByteOrder.BIG_ENDIAN);
		assertThat(segments(photo, APP1)).hasSize(1);

		RenderedImage rendered = render(photo);

		for (RenditionName name : RenditionName.values()) {
			byte[] bytes = rendered.renditions().get(name).bytes();
			assertThat(segments(bytes, APP1)).as(name + " APP1 segments").isEmpty();
			assertThat(new String(bytes, StandardCharsets.ISO_8859_1)).doesNotContain("Exif");
		}
	}

	@Test
	void turnsAPhotoTakenSidewaysUpright() {
		byte[] sideways = ProductImages.withExif(ProductImages.jpeg("Bottle", 300, 200), 6, ByteOrder.LITTLE_ENDIAN);

		RenderedImage rendered = render(sideways);

		assertThat(rendered.width()).isEqualTo(200);
		assertThat(rendered.height()).isEqualTo(300);
		assertRendition(rendered, RenditionName.ORIGINAL, ImageFormat.JPEG, 200, 300);
	}

	@Test
	void refusesAPngDecompressionBombFromItsHeader() {
		byte[] bomb = HostileFiles.pngDeclaring(30_000, 30_000);
		assertThat(bomb.length).isLessThan(8 * 1024);

		assertRefused(bomb, 422, "image-too-large");
	}

	@Test
	void refusesAJpegAndAWebpDeclaringTooManyPixels() {
		assertRefused(HostileFiles.jpegDeclaring(30_000, 30_000), 422, "image-too-large");
		assertRefused(ProductImages.webp(16_383, 16_383, 0xFF000000), 422, "image-too-large");
	}

	@Test
	void refusesAWebpWhoseDecoderWouldReadPastItsEndForEveryPixel() {
		byte[] endingEarly = HostileFiles.webpEndingEarly(2000, 1500);
		assertThat(endingEarly).hasSizeLessThan(40);

		assertRefused(endingEarly, 422, "unreadable-image");
	}

	@Test
	void refusesAStripLongerThanTheLongestSide() {
		assertRefused(HostileFiles.strip(), 422, "image-dimensions");
	}

	@Test
	void refusesAJpegThatWasCutOffThoughItsDecoderWouldPatchItUp() {
		assertRefused(HostileFiles.truncated(ProductImages.jpeg("Teapot", 640, 480), 0.6), 422, "unreadable-image");
	}

	@Test
	void refusesAPngThatWasCutOff() {
		assertRefused(HostileFiles.truncated(ProductImages.png("Teapot", 640, 480), 0.6), 422, "unreadable-image");
	}

	@Test
	void refusesAFileOverTheSizeLimit() {
		Renderer strict = new Renderer(new ImageLimits(DataSize.ofKilobytes(1), 40_000_000, 12_000), this.slots,
				new ImageCodecs());
		byte[] photo = ProductImages.jpeg("Teapot", 640, 480);

		assertThatExceptionOfType(RefusedImageException.class)
			.isThrownBy(() -> strict.render(new ByteArrayResource(photo)))
			.satisfies((refused) -> assertThat(refused.getBody().getType())
				.hasToString("https://cloudshop.dev/problems/payload-too-large"));
	}

	@Test
	void givesItsDecodingTurnBackWhateverHappens() {
		assertRefused(HostileFiles.html(), 415, "unsupported-image-type");
		assertRefused(HostileFiles.pngDeclaring(30_000, 30_000), 422, "image-too-large");
		render(ProductImages.jpeg("Teapot", 64, 48));

		assertThat(this.slots.available()).isEqualTo(2);
	}

	private RenderedImage render(byte[] upload) {
		return this.renderer.render(new ByteArrayResource(upload));
	}

	private void assertRefused(byte[] upload, int status, String slug) {
		assertThatExceptionOfType(RefusedImageException.class).isThrownBy(() -> render(upload)).satisfies((refused) -> {
			assertThat(refused.getStatusCode().value()).isEqualTo(status);
			assertThat(refused.getBody().getType()).hasToString("https://cloudshop.dev/problems/" + slug);
		});
	}

	private static BufferedImage assertRendition(RenderedImage rendered, RenditionName name, ImageFormat format,
			int width, int height) {
		EncodedImage rendition = rendered.renditions().get(name);
		assertThat(rendition.format()).as(name + " format").isEqualTo(format);
		assertThat(ImageFormat.detect(rendition.bytes())).as(name + " bytes").isEqualTo(format);
		BufferedImage decoded = ProductImages.decode(rendition.bytes());
		assertThat(decoded.getWidth()).as(name + " width").isEqualTo(width).isEqualTo(rendition.width());
		assertThat(decoded.getHeight()).as(name + " height").isEqualTo(height).isEqualTo(rendition.height());
		return decoded;
	}

	private static List<JPEGSegment> segments(byte[] jpeg, int marker) throws IOException {
		try (ImageInputStream input = new MemoryCacheImageInputStream(new ByteArrayInputStream(jpeg))) {
			return JPEGSegmentUtil.readSegments(input, JPEGSegmentUtil.ALL_SEGMENTS)
				.stream()
				.filter((segment) -> segment.marker() == marker)
				.toList();
		}
	}

}
