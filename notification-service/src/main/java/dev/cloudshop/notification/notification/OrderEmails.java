package dev.cloudshop.notification.notification;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.stream.Collectors;

import dev.cloudshop.notification.email.Email;

import org.springframework.web.util.HtmlUtils;

/**
 * The emails that tell a customer about their order, each in plain text and in HTML. The
 * templates are text blocks; every value put into the HTML is escaped, as any of them may
 * hold whatever a customer typed.
 */
final class OrderEmails {

	private static final String SIGNATURE = "Cloud Shop";

	private static final String PROCESSED_TEXT = """
			Hello,

			thank you for your order. Order %s is confirmed and paid.

			%s

			Total: %s

			%s
			""";

	private static final String PROCESSED_HTML = """
			<!DOCTYPE html>
			<html lang="en">
			<head><meta charset="UTF-8"><title>%s</title></head>
			<body style="font-family: sans-serif">
			<p>Hello,</p>
			<p>thank you for your order. Order <strong>%s</strong> is confirmed and paid.</p>
			<table cellpadding="4" style="border-collapse: collapse">
			<thead><tr><th align="left">Item</th><th align="right">Quantity</th><th align="right">Unit price</th><th align="right">Amount</th></tr></thead>
			<tbody>
			%s
			</tbody>
			<tfoot><tr><th align="left" colspan="3">Total</th><th align="right">%s</th></tr></tfoot>
			</table>
			<p>%s</p>
			</body>
			</html>
			""";

	private static final String PROCESSED_HTML_LINE = """
			<tr><td>%s</td><td align="right">%s</td><td align="right">%s</td><td align="right">%s</td></tr>""";

	private static final String FAILED_TEXT = """
			Hello,

			we are sorry: your order %s could not be completed.

			%s You will not be charged for it.

			%s
			""";

	private static final String FAILED_HTML = """
			<!DOCTYPE html>
			<html lang="en">
			<head><meta charset="UTF-8"><title>%s</title></head>
			<body style="font-family: sans-serif">
			<p>Hello,</p>
			<p>we are sorry: your order <strong>%s</strong> could not be completed.</p>
			<p>%s You will not be charged for it.</p>
			<p>%s</p>
			</body>
			</html>
			""";

	private OrderEmails() {
	}

	static Email of(OrderEvent event) {
		if (event instanceof OrderProcessed processed) {
			return processed(processed);
		}
		if (event instanceof OrderFailed failed) {
			return failed(failed);
		}
		throw new IllegalArgumentException("No email for " + event.getClass().getSimpleName());
	}

	static Email processed(OrderProcessed event) {
		String subject = subject("Your order " + event.orderId() + " is confirmed");
		String textLines = event.lines()
			.stream()
			.map((line) -> "  %d x %s at %s = %s".formatted(line.quantity(), line.sku(),
					money(line.unitPrice(), event.currency()), money(lineAmount(line), event.currency())))
			.collect(Collectors.joining("\n"));
		String htmlLines = event.lines()
			.stream()
			.map((line) -> PROCESSED_HTML_LINE.formatted(html(line.sku()), line.quantity(),
					html(money(line.unitPrice(), event.currency())), html(money(lineAmount(line), event.currency()))))
			.collect(Collectors.joining("\n"));
		String total = money(event.total(), event.currency());
		return new Email(event.email(), subject, PROCESSED_TEXT.formatted(event.orderId(), textLines, total, SIGNATURE),
				PROCESSED_HTML.formatted(html(subject), html(event.orderId()), htmlLines, html(total),
						html(SIGNATURE)));
	}

	static Email failed(OrderFailed event) {
		String subject = subject("Your order " + event.orderId() + " could not be completed");
		String why = explanation(event.reason());
		return new Email(event.email(), subject, FAILED_TEXT.formatted(event.orderId(), why, SIGNATURE),
				FAILED_HTML.formatted(html(subject), html(event.orderId()), html(why), html(SIGNATURE)));
	}

	/**
	 * Says in words why an order failed. The event's detail is for operators and never
	 * reaches the customer; a reason this service does not know yet gets general words.
	 * @param reason the event's reason code
	 * @return one sentence
	 */
	static String explanation(String reason) {
		return switch ((reason != null) ? reason : "") {
			case "OUT_OF_STOCK" -> "Some of the items you ordered are out of stock.";
			case "UNKNOWN_PRODUCT" -> "Some of the items you ordered are no longer in our catalog.";
			case "PAYMENT_DECLINED" -> "Your payment was declined by your bank or card issuer.";
			case "PAYMENT_FAILED" -> "We could not take your payment.";
			case "DEPENDENCY_UNAVAILABLE" ->
				"Our shop had a temporary technical problem while processing it; please try again in a few minutes.";
			default -> "Something went wrong while we were processing it.";
		};
	}

	private static BigDecimal lineAmount(OrderProcessed.Line line) {
		return line.unitPrice().multiply(BigDecimal.valueOf(line.quantity()));
	}

	private static String money(BigDecimal amount, String currency) {
		return amount.setScale(fractionDigits(currency), RoundingMode.HALF_EVEN).toPlainString() + " " + currency;
	}

	private static int fractionDigits(String currency) {
		try {
			int digits = Currency.getInstance(currency).getDefaultFractionDigits();
			return (digits >= 0) ? digits : 2;
		}
		catch (IllegalArgumentException ex) {
			return 2;
		}
	}

	// A line break in a subject would start a new mail header.
	private static String subject(String subject) {
		return subject.replaceAll("\\p{Cntrl}", " ");
	}

	private static String html(String value) {
		return HtmlUtils.htmlEscape(value, "UTF-8");
	}

}
