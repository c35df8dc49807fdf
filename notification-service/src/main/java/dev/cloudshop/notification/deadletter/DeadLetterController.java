package dev.cloudshop.notification.deadletter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;

import dev.cloudshop.servicedefaults.problem.Problems;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's view of the dead-letter topic, and its replay. On the service's own port
 * only: the gateway routes {@code /api/notifications} to this service, nothing under
 * {@code /admin}.
 */
@RestController
@RequestMapping("/admin/dead-letters")
class DeadLetterController {

	private final DeadLetterTopic deadLetters;

	private final DeadLetterReplayer replayer;

	DeadLetterController(DeadLetterTopic deadLetters, DeadLetterReplayer replayer) {
		this.deadLetters = deadLetters;
		this.replayer = replayer;
	}

	@GetMapping
	List<DeadLetterView> list(@RequestParam(required = false) @PositiveOrZero Integer partition,
			@RequestParam(defaultValue = "0") @PositiveOrZero long fromOffset,
			@RequestParam(defaultValue = "100") @Min(1) @Max(1000) int limit) {
		Map<DeadLetterReplayer.Position, Instant> replayedAt = this.replayer.replayedAt();
		List<DeadLetterView> found = new ArrayList<>();
		this.deadLetters.read(partition, fromOffset, (deadLetter) -> {
			found.add(DeadLetterView.of(deadLetter, replayedAt.get(DeadLetterReplayer.Position.of(deadLetter))));
			return found.size() < limit;
		});
		return found;
	}

	// Both or neither: one dead letter, or all of them.
	@PostMapping("/replay")
	ReplayResult replay(@RequestParam(required = false) @PositiveOrZero Integer partition,
			@RequestParam(required = false) @PositiveOrZero Long offset) {
		if (partition == null && offset == null) {
			return this.replayer.replayAll();
		}
		if (partition == null || offset == null) {
			String missing = (partition == null) ? "partition" : "offset";
			String given = (partition == null) ? "offset" : "partition";
			throw new ErrorResponseException(HttpStatus.BAD_REQUEST,
					Problems.validationFailed(List.of(new Problems.FieldError(missing, "is required with " + given))),
					null);
		}
		return this.replayer.replay(partition, offset);
	}

}
