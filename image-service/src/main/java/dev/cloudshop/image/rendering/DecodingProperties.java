package dev.cloudshop.image.rendering;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * How many uploads are decoded at once. A render holds the whole image in memory, about
 * 400 MB at its peak for 40 megapixels, so this, not the number of request threads, is
 * what bounds the heap an instance needs; more load is for more instances.
 *
 * @param maxConcurrent how many uploads may be decoded and rendered at the same time
 * @param maxWait how long an upload waits for its turn before it is refused with 503
 */
@ConfigurationProperties("image.decoding")
@Validated
record DecodingProperties(@DefaultValue("2") @Positive int maxConcurrent,
		@DefaultValue("5s") @NotNull Duration maxWait) {
}
