package dev.cloudshop.image.image;

import java.io.IOException;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Pattern;

import dev.cloudshop.image.rendering.ImageFormat;
import dev.cloudshop.image.rendering.RenderedImage;
import dev.cloudshop.image.rendering.Renderer;
import dev.cloudshop.image.rendering.RenditionName;
import dev.cloudshop.servicedefaults.problem.InvalidFieldException;
import dev.cloudshop.servicedefaults.problem.NotFoundException;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.multipart.MultipartFile;

/**
 * Uploads images, serves their renditions and their metadata. Renditions are made while
 * the upload request waits, so every rendition exists as soon as the upload returns.
 */
@RestController
@RequestMapping("/api/images")
class ImageController {

	private static final String OWNER = "[A-Za-z0-9-]{1,64}";

	private static final String OWNER_MESSAGE = "must be 1 to 64 letters, digits or hyphens";

	// A rendition's bytes never change: a new upload is a new image with a new id.
	private static final String CACHE_FOREVER = "public, max-age=31536000, immutable";

	private final Images images;

	private final Renditions renditions;

	private final ImageStore store;

	private final Renderer renderer;

	ImageController(Images images, Renditions renditions, ImageStore store, Renderer renderer) {
		this.images = images;
		this.renditions = renditions;
		this.store = store;
		this.renderer = renderer;
	}

	@GetMapping
	@Transactional(readOnly = true)
	List<ImageView> byOwner(@RequestParam @Pattern(regexp = OWNER, message = OWNER_MESSAGE) String owner) {
		return this.images.findByOwnerOrderByCreatedAtDesc(owner).stream().map(ImageView::of).toList();
	}

	@GetMapping("/{id}")
	@Transactional(readOnly = true)
	ImageView byId(@PathVariable UUID id) {
		return this.images.findById(id).map(ImageView::of).orElseThrow(() -> ImageStore.unknownImage(id));
	}

	/**
	 * Takes exactly one file, of any name and declared type: what it is comes from its
	 * bytes. The image and all its renditions are stored, or nothing is.
	 */
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	@ResponseStatus(HttpStatus.CREATED)
	ResponseEntity<ImageView> upload(@RequestPart("file") MultipartFile file,
			@RequestPart("owner") @Pattern(regexp = OWNER, message = OWNER_MESSAGE) String owner,
			HttpServletRequest request) throws IOException, ServletException {
		long files = request.getParts().stream().filter((part) -> part.getSubmittedFileName() != null).count();
		if (files > 1) {
			throw new InvalidFieldException("file", "must be the only file of the request");
		}
		if (file.isEmpty()) {
			throw new InvalidFieldException("file", "must not be empty");
		}
		RenderedImage rendered = this.renderer.render(file);
		Image image = this.store.store(owner, rendered);
		return ResponseEntity.created(URI.create("/api/images/" + image.getId())).body(ImageView.of(image));
	}

	/**
	 * Serves a rendition's bytes, cacheable for good and answered with 304 when the
	 * client already has them.
	 */
	@GetMapping("/{id}/{rendition}")
	@Transactional(readOnly = true)
	ResponseEntity<byte[]> rendition(@PathVariable UUID id, @PathVariable String rendition, ServletWebRequest request) {
		RenditionName name = RenditionName.ofSlug(rendition).orElseThrow(ImageController::unknownRendition);
		RenditionHead head = this.renditions.findHeadByImageIdAndName(id, name.slug())
			.orElseThrow(() -> ImageStore.unknownImage(id));
		String etag = "\"" + head.getSha256() + "\"";
		HttpHeaders headers = new HttpHeaders();
		headers.setETag(etag);
		headers.setCacheControl(CACHE_FOREVER);
		headers.set("X-Content-Type-Options", "nosniff");
		if (request.checkNotModified(etag)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED).headers(headers).build();
		}
		Rendition stored = this.renditions.findByImageIdAndName(id, name.slug())
			.orElseThrow(() -> ImageStore.unknownImage(id));
		headers.setContentType(MediaType.parseMediaType(stored.getContentType()));
		headers.setContentDisposition(ContentDisposition.inline()
			.filename(id + "-" + name.slug() + "." + extension(stored.getContentType()))
			.build());
		return ResponseEntity.ok().headers(headers).body(stored.getBytes());
	}

	@DeleteMapping("/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable UUID id) {
		this.store.delete(id);
	}

	private static NotFoundException unknownRendition() {
		List<String> names = Arrays.stream(RenditionName.values()).map(RenditionName::slug).toList();
		return NotFoundException.of("rendition", "Images have the renditions " + String.join(", ", names))
			.with("renditions", names);
	}

	private static String extension(String contentType) {
		return Arrays.stream(ImageFormat.values())
			.filter((format) -> format.contentType().equals(contentType))
			.map(ImageFormat::extension)
			.findFirst()
			.orElse("img");
	}

}
