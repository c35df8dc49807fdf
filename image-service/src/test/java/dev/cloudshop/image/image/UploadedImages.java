package dev.cloudshop.image.image;

import dev.cloudshop.image.Uploads;

import org.springframework.http.HttpEntity;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.util.MultiValueMap;

/**
 * Images a test uploads to have something to read, resize or delete.
 */
final class UploadedImages {

	private UploadedImages() {
	}

	/**
	 * Uploads an image and checks that it was taken.
	 * @param client the client of the service
	 * @param body the multipart body
	 * @return the image as the service answered it
	 */
	static ImageView uploaded(RestTestClient client, MultiValueMap<String, HttpEntity<?>> body) {
		return Uploads.post(client, body)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(ImageView.class)
			.returnResult()
			.getResponseBody();
	}

}
