package dev.cloudshop.image;

import org.springframework.http.HttpEntity;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.MultiValueMap;

/**
 * Multipart bodies for {@code POST /api/images}.
 */
public final class Uploads {

	private Uploads() {
	}

	/**
	 * The upload of a multipart body, ready to be sent with {@code exchange()}.
	 * @param client the client of the service
	 * @param body the multipart body
	 * @return the request
	 */
	public static RestTestClient.RequestHeadersSpec<?> post(RestTestClient client,
			MultiValueMap<String, HttpEntity<?>> body) {
		return client.post().uri("/api/images").contentType(MediaType.MULTIPART_FORM_DATA).body(body);
	}

	/**
	 * A well-formed upload.
	 * @param owner the owner field
	 * @param file the file's bytes
	 * @param fileName the name the client gives the file
	 * @param contentType the type the client declares for it
	 * @return the multipart body
	 */
	public static MultiValueMap<String, HttpEntity<?>> of(String owner, byte[] file, String fileName,
			String contentType) {
		MultipartBodyBuilder body = new MultipartBodyBuilder();
		body.part("owner", owner);
		file(body, "file", file, fileName, contentType);
		return body.build();
	}

	/**
	 * A JPEG product photo, as most uploads are.
	 * @param owner the owner field
	 * @return the multipart body
	 */
	public static MultiValueMap<String, HttpEntity<?>> photo(String owner) {
		return of(owner, ProductImages.jpeg("Desk Lamp", 640, 480), "desk-lamp.jpg", "image/jpeg");
	}

	/**
	 * Adds a file part.
	 * @param body the body being built
	 * @param name the part name
	 * @param file the file's bytes
	 * @param fileName the name the client gives the file
	 * @param contentType the type the client declares for it
	 */
	public static void file(MultipartBodyBuilder body, String name, byte[] file, String fileName, String contentType) {
		body.part(name, file).filename(fileName).contentType(MediaType.parseMediaType(contentType));
	}

}
