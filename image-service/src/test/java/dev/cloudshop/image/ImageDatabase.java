package dev.cloudshop.image;

import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a test reads straight from the images database to prove what a request did, or did
 * not, store.
 */
public final class ImageDatabase {

	private final JdbcTemplate jdbc;

	public ImageDatabase(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Everything a refused upload must leave as it was.
	 * @return the number of images and of renditions
	 */
	public Map<String, Object> counts() {
		return this.jdbc.queryForMap(
				"select (select count(*) from image) as images, (select count(*) from rendition) as renditions");
	}

	/**
	 * @param imageId an image's id
	 * @return how many renditions of it are stored
	 */
	public int renditionsOf(UUID imageId) {
		return this.jdbc.queryForObject("select count(*) from rendition where image_id = ?", Integer.class, imageId);
	}

}
