package dev.cloudshop.inventory.input;

import java.beans.PropertyEditorSupport;
import java.util.regex.Pattern;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Reads a whole number in a query parameter or path variable only from ASCII decimal
 * digits, with an optional minus sign. Spring's own conversion also reads hexadecimal
 * ({@code 0x10}), a plus sign, whitespace anywhere ({@code 1 0} is 10) and, through
 * {@link Integer#parseInt}, the digits of every script, so {@code ?page=١} (Arabic-Indic)
 * or {@code ?page=１} (fullwidth) would quietly be page 1. Anything else is refused as a
 * type mismatch naming the parameter.
 * <p>
 * An editor, not a converter: when a converter fails, Spring falls back to its default
 * editor, which reads all of the above.
 */
@ControllerAdvice
class DecimalNumberBinding {

	private static final Pattern DECIMAL = Pattern.compile("-?[0-9]+");

	@InitBinder
	void readDecimalDigitsOnly(WebDataBinder binder) {
		binder.registerCustomEditor(int.class, new DecimalIntegerEditor(false));
		binder.registerCustomEditor(Integer.class, new DecimalIntegerEditor(true));
	}

	private static final class DecimalIntegerEditor extends PropertyEditorSupport {

		private final boolean allowEmpty;

		DecimalIntegerEditor(boolean allowEmpty) {
			this.allowEmpty = allowEmpty;
		}

		@Override
		public void setAsText(String text) {
			if (this.allowEmpty && text.isEmpty()) {
				setValue(null);
			}
			else if (DECIMAL.matcher(text).matches()) {
				// Still refuses a number out of range.
				setValue(Integer.valueOf(text));
			}
			else {
				throw new IllegalArgumentException("Not a whole number in decimal digits");
			}
		}

	}

}
