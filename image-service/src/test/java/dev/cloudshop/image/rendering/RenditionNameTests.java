package dev.cloudshop.image.rendering;

import org.junit.jupiter.api.Test;

import dev.cloudshop.image.rendering.RenditionName.Size;

import static org.assertj.core.api.Assertions.assertThat;

class RenditionNameTests {

	@Test
	void fitsALandscapeOrPortraitImageInItsBoxKeepingItsShape() {
		assertThat(RenditionName.MEDIUM.fit(4000, 3000)).isEqualTo(new Size(800, 600));
		assertThat(RenditionName.MEDIUM.fit(3000, 4000)).isEqualTo(new Size(600, 800));
		assertThat(RenditionName.THUMBNAIL.fit(800, 600)).isEqualTo(new Size(200, 150));
		assertThat(RenditionName.THUMBNAIL.fit(1000, 1000)).isEqualTo(new Size(200, 200));
	}

	@Test
	void neverEnlargesASmallImage() {
		assertThat(RenditionName.MEDIUM.fit(120, 80)).isEqualTo(new Size(120, 80));
		assertThat(RenditionName.THUMBNAIL.fit(200, 20)).isEqualTo(new Size(200, 20));
	}

	@Test
	void keepsTheOriginalAtItsSize() {
		assertThat(RenditionName.ORIGINAL.fit(12_000, 3333)).isEqualTo(new Size(12_000, 3333));
	}

	@Test
	void keepsAtLeastOnePixelASide() {
		assertThat(RenditionName.THUMBNAIL.fit(12_000, 5)).isEqualTo(new Size(200, 1));
	}

	@Test
	void isFoundByItsSlugOnly() {
		assertThat(RenditionName.ofSlug("thumbnail")).contains(RenditionName.THUMBNAIL);
		assertThat(RenditionName.ofSlug("original")).contains(RenditionName.ORIGINAL);
		assertThat(RenditionName.ofSlug("THUMBNAIL")).isEmpty();
		assertThat(RenditionName.ofSlug("huge")).isEmpty();
	}

}
