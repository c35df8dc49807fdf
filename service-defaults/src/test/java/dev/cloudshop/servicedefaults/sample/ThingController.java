package dev.cloudshop.servicedefaults.sample;

import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

import dev.cloudshop.servicedefaults.problem.NotFoundException;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ThingController {

	@GetMapping("/things")
	String list(@RequestParam int page) {
		return "page " + page;
	}

	@GetMapping(path = "/first-thing", produces = MediaType.APPLICATION_JSON_VALUE)
	Thing first() {
		return new Thing("lamp", 1, null);
	}

	@GetMapping("/things/{id}")
	String one(@PathVariable UUID id) {
		throw NotFoundException.of("thing", "id", id.toString());
	}

	@PostMapping("/things")
	@ResponseStatus(HttpStatus.CREATED)
	Thing create(@Valid @RequestBody Thing thing) {
		return thing;
	}

	@GetMapping("/failure")
	String failure() {
		throw new IllegalStateException("select * from secrets where card = '4111111111111111'");
	}

	record Thing(@NotBlank String name, @Min(1) int count, Part part) {
	}

	record Part(String sku) {
	}

}
