package dev.cloudshop.image.image;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;

import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/images")
@Transactional(readOnly = true)
class ImageController {

	private final Images images;

	ImageController(Images images) {
		this.images = images;
	}

	@GetMapping
	List<ImageView> byOwner(@RequestParam @NotBlank String owner) {
		return this.images.findByOwnerOrderByCreatedAtDesc(owner).stream().map(ImageView::of).toList();
	}

	@GetMapping("/{id}")
	ImageView byId(@PathVariable UUID id) {
		return this.images.findById(id).map(ImageView::of).orElseThrow(() -> unknownImage(id));
	}

	private static ErrorResponseException unknownImage(UUID id) {
		var exception = new ErrorResponseException(HttpStatus.NOT_FOUND);
		exception.getBody().setTitle("Unknown image");
		exception.getBody().setDetail("No image has the id " + id);
		exception.getBody().setProperty("imageId", id);
		return exception;
	}

}
