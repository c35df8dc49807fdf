package dev.cloudshop.image.rendering;

import org.junit.jupiter.api.Test;

import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

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
		assertThatExceptionOfType(RefusedImageException.class)
			.isThrownBy(() -> this.limits.checkHeader(ImageFormat.JPEG, 8000, 5001))
			.satisfies((refused) -> {
				assertThat(refused.getStatusCode().value()).isEqualTo(422);
				assertThat(refused.getBody().getType()).hasToString("https://cloudshop.dev/problems/image-too-large");
				assertThat(refused.getBody().getProperties()).containsEntry("width", 8000)
					.containsEntry("height", 5001)
					.containsEntry("maxPixels", 40_000_000L);
			});
	}

	@Test
	void refusesADecompressionBombByItsPixelCountBeforeItsSides() {
		assertThatExceptionOfType(RefusedImageException.class)
			.isThrownBy(() -> this.limits.checkHeader(ImageFormat.PNG, 30_000, 30_000))
			.satisfies((refused) -> assertThat(refused.getBody().getType())
				.hasToString("https://cloudshop.dev/problems/image-too-large"));
	}

	@Test
	void refusesALongStripByItsSideThoughItHasFewPixels() {
		assertThatExceptionOfType(RefusedImageException.class)
			.isThrownBy(() -> this.limits.checkHeader(ImageFormat.PNG, 1, 60_000))
			.satisfies((refused) -> {
				assertThat(refused.getStatusCode().value()).isEqualTo(422);
				assertThat(refused.getBody().getType()).hasToString("https://cloudshop.dev/problems/image-dimensions");
				assertThat(refused.getBody().getProperties()).containsEntry("maxDimension", 12_000L);
			});
		assertThatExceptionOfType(RefusedImageException.class)
			.isThrownBy(() -> this.limits.checkHeader(ImageFormat.PNG, 12_001, 1));
	}

	@Test
	void refusesAHeaderWithoutPixelsAsUnreadable() {
		assertThatExceptionOfType(RefusedImageException.class)
			.isThrownBy(() -> this.limits.checkHeader(ImageFormat.JPEG, 0, 480))
			.satisfies((refused) -> assertThat(refused.getBody().getType())
				.hasToString("https://cloudshop.dev/problems/unreadable-image"));
	}

	@Test
	void countsPixelsWithoutOverflowing() {
		ImageLimits huge = new ImageLimits(DataSize.ofMegabytes(10), 40_000_000, Integer.MAX_VALUE);
		assertThatExceptionOfType(RefusedImageException.class)
			.isThrownBy(() -> huge.checkHeader(ImageFormat.PNG, 65_536, 65_536))
			.satisfies((refused) -> assertThat(refused.getBody().getType())
				.hasToString("https://cloudshop.dev/problems/image-too-large"));
	}

}
