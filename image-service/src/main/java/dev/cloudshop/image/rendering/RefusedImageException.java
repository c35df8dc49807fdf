package dev.cloudshop.image.rendering;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.util.unit.DataSize;
import org.springframework.web.ErrorResponseException;

import dev.cloudshop.servicedefaults.problem.Problems;

/**
 * An upload refused for what its bytes are: its format, its size or its content. Each
 * kind of refusal is a problem of its own stable type about the {@code file} part.
 */
public final class RefusedImageException extends ErrorResponseException {

	private static final String FIELD = "file";

	private RefusedImageException(ProblemDetail problem, Throwable cause) {
		super(HttpStatusCode.valueOf(problem.getStatus()), problem, cause);
	}

	/**
	 * @param what what the upload looks like, such as {@code a GIF image}
	 * @return a 415 {@code unsupported-image-type}
	 */
	static RefusedImageException unsupportedType(String what) {
		ProblemDetail problem = Problems.ofField(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-image-type",
				"Unsupported image type", FIELD,
				"The file is " + what + "; this service accepts JPEG, PNG and WebP images");
		problem.setProperty("accepted", ImageFormat.acceptedContentTypes());
		return new RefusedImageException(problem, null);
	}

	/**
	 * @param limit the largest file accepted
	 * @return a 413 {@code payload-too-large}
	 */
	static RefusedImageException fileTooLarge(DataSize limit) {
		return new RefusedImageException(
				Problems.ofField(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Upload too large", FIELD,
						"The upload is larger than the " + limit.toMegabytes() + " MB this service accepts"),
				null);
	}

	/**
	 * @param width the width the header declares
	 * @param height the height the header declares
	 * @param maxPixels the largest pixel count accepted
	 * @return a 422 {@code image-too-large}
	 */
	static RefusedImageException tooManyPixels(int width, int height, long maxPixels) {
		ProblemDetail problem = Problems.ofField(HttpStatus.UNPROCESSABLE_CONTENT, "image-too-large", "Image too large",
				FIELD, "The image has " + width + " x " + height + " pixels, more than the " + maxPixels
						+ " this service decodes");
		return withSize(problem, width, height, "maxPixels", maxPixels);
	}

	/**
	 * @param width the width the header declares
	 * @param height the height the header declares
	 * @param maxDimension the longest side accepted, in pixels
	 * @return a 422 {@code image-dimensions}
	 */
	static RefusedImageException dimensions(int width, int height, int maxDimension) {
		ProblemDetail problem = Problems.ofField(HttpStatus.UNPROCESSABLE_CONTENT, "image-dimensions",
				"Image dimensions out of range", FIELD, "The image is " + width + " x " + height
						+ " pixels; each side must be from 1 to " + maxDimension + " pixels");
		return withSize(problem, width, height, "maxDimension", maxDimension);
	}

	/**
	 * @param format the format the bytes claim to be
	 * @param cause why decoding failed, kept for the logs of a debugger, never shown
	 * @return a 422 {@code unreadable-image}
	 */
	static RefusedImageException unreadable(ImageFormat format, Throwable cause) {
		return new RefusedImageException(Problems.ofField(HttpStatus.UNPROCESSABLE_CONTENT, "unreadable-image",
				"Unreadable image", FIELD, "The file starts like a " + format.name().replace("WEBP", "WebP")
						+ " image but is damaged, incomplete or not an image at all"),
				cause);
	}

	private static RefusedImageException withSize(ProblemDetail problem, int width, int height, String limitName,
			long limit) {
		problem.setProperty("width", width);
		problem.setProperty("height", height);
		problem.setProperty(limitName, limit);
		return new RefusedImageException(problem, null);
	}

}
