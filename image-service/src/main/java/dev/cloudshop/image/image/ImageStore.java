package dev.cloudshop.image.image;

import java.time.Clock;
import java.util.UUID;

import dev.cloudshop.image.rendering.RenderedImage;
import dev.cloudshop.servicedefaults.problem.NotFoundException;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores and removes images together with their renditions, each in one transaction: an
 * image is never seen without all of its renditions.
 */
@Component
class ImageStore {

	private final Images images;

	private final Renditions renditions;

	private final Clock clock;

	ImageStore(Images images, Renditions renditions, Clock clock) {
		this.images = images;
		this.renditions = renditions;
		this.clock = clock;
	}

	@Transactional
	Image store(String owner, RenderedImage rendered) {
		Image image = this.images.save(new Image(owner, rendered.source().contentType(), rendered.width(),
				rendered.height(), this.clock.instant()));
		rendered.renditions()
			.forEach((name, encoded) -> this.renditions.save(new Rendition(image.getId(), name, encoded)));
		return image;
	}

	@Transactional
	void delete(UUID id) {
		Image image = this.images.findById(id).orElseThrow(() -> unknownImage(id));
		// The database deletes the renditions with it (on delete cascade), without
		// loading their bytes.
		this.images.delete(image);
	}

	static NotFoundException unknownImage(UUID id) {
		return NotFoundException.of("image", "No image has the id " + id).with("imageId", id);
	}

}
