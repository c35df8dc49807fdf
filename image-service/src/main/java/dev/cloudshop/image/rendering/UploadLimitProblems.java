package dev.cloudshop.image.rendering;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Answers an upload over the multipart limit, which the server refuses before any
 * controller sees it, as the same {@code payload-too-large} problem about the
 * {@code file} part as a file the renderer finds too large. Asked before the suite's
 * problem handler, which would not know the part's name.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UploadLimitProblems {

	private final ImageLimits limits;

	UploadLimitProblems(ImageLimits limits) {
		this.limits = limits;
	}

	@ExceptionHandler
	ResponseEntity<ProblemDetail> uploadTooLarge(MaxUploadSizeExceededException ex) {
		RefusedImageException refused = RefusedImageException.fileTooLarge(this.limits.maxFileSize());
		return ResponseEntity.status(refused.getStatusCode()).body(refused.getBody());
	}

}
