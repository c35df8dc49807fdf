package dev.cloudshop.image.rendering;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowable;

class ImageLimitsTests {

	private final ImageLimits limits = new ImageLimits(DataSize.ofMegabytes(10), 40_000_000, 12_000);

	@Test
	void acceptsAnImageAtEveryLimit() {
		assertThatNoException().isThrownBy(() -> this.limits.checkHeader(ImageFormat.JPEG, 8000, 5000));
		assertThatNoException().isThrownBy(() -> this.limits.checkHeader(ImageFormat.JPEG, 12_000, 3333));
		assertThatNoException().isThrownBy(() -> this.limits.checkHeader(ImageFormat.PNG, 1, 1));
	}

	@Test
	void refusesOnePixelOverThePixelLimit() {
		RefusedImageException refused = assertRefused(() -> this.limits.checkHeader(ImageFormat.JPEG, 8000, 5001),
				"image-too-large");
		assertThat(refused.getStatusCode().value()).isEqualTo(422);
		assertThat(refused.getBody().getProperties()).containsEntry("width", 8000)
			.containsEntry("height", 5001)
			.containsEntry("maxPixels", 40_000_000L);
	}

	@Test
	void refusesADecompressionBombByItsPixelCountBeforeItsSides() {
		assertRefused(() -> this.limits.checkHeader(ImageFormat.PNG, 30_000, 30_000), "image-too-large");
	}

	@Test
	void refusesALongStripByItsSideThoughItHasFewPixels() {
		RefusedImageException refused = assertRefused(() -> this.limits.checkHeader(ImageFormat.PNG, 1, 60_000),
				"image-dimensions");
		assertThat(refused.getStatusCode().value()).isEqualTo(422);
		assertThat(refused.getBody().getProperties()).containsEntry("maxDimension", 12_000L);
		assertThatExceptionOfType(RefusedImageException.class)
			.isThrownBy(() -> this.limits.checkHeader(ImageFormat.PNG, 12_001, 1));
	}

	@Test
	void refusesAHeaderWithoutPixelsAsUnreadable() {
		assertRefused(() -> this.limits.checkHeader(ImageFormat.JPEG, 0, 480), "unreadable-image");
	}

	@Test
	void countsPixelsWithoutOverflowing() {
		ImageLimits huge = new ImageLimits(DataSize.ofMegabytes(10), 40_000_000, Integer.MAX_VALUE);
		assertRefused(() -> huge.checkHeader(ImageFormat.PNG, 65_536, 65_536), "image-too-large");
	}

	// Checks that the header check refuses the image with the problem of the slug
	private static RefusedImageException assertRefused(ThrowingCallable check, String slug) {
		Throwable thrown = catchThrowable(check);
		assertThat(thrown).isInstanceOf(RefusedImageException.class);
		RefusedImageException refused = (RefusedImageException) thrown;
		assertThat(refused.getBody().getType()).hasToString("https://cloudshop.dev/problems/" + slug);
		return refused;
	}

}
