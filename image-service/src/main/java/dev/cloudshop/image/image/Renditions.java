package dev.cloudshop.image.image;

import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.Repository;

/**
 * The stored renditions. They are deleted with their image, by the database.
 */
interface Renditions extends Repository<Rendition, Rendition.Key> {

	Optional<RenditionHead> findHeadByImageIdAndName(UUID imageId, String name);

	Optional<Rendition> findByImageIdAndName(UUID imageId, String name);

	Rendition save(Rendition rendition);

}
