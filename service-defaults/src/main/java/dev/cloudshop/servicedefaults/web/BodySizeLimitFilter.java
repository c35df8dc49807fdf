package dev.cloudshop.servicedefaults.web;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import dev.cloudshop.servicedefaults.problem.PayloadTooLargeException;
import dev.cloudshop.servicedefaults.problem.ProblemHandler;

import org.springframework.boot.servlet.filter.OrderedFilter;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Refuses a request body over {@link WebLimits#maxBodySize()}
 * ({@code cloudshop.web.max-body-size}) with 413: at once when its {@code Content-Length}
 * says so, and as soon as reading passes the limit when the body comes without one
 * (chunked).
 * <p>
 * Runs after the observation filter, so the problem carries the trace id; the problem is
 * written by the controller advice ({@link ProblemHandler}), like every other.
 */
public class BodySizeLimitFilter extends OncePerRequestFilter implements OrderedFilter {

	private final DataSize limit;

	private final HandlerExceptionResolver resolver;

	/**
	 * @param limits the limit
	 * @param resolver the resolver that writes the problem, Spring MVC's
	 * {@code handlerExceptionResolver}
	 */
	public BodySizeLimitFilter(WebLimits limits, HandlerExceptionResolver resolver) {
		this.limit = limits.maxBodySize();
		this.resolver = resolver;
	}

	@Override
	public int getOrder() {
		// Early, yet after the observation filter that opens the trace.
		return REQUEST_WRAPPER_FILTER_MAX_ORDER;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > this.limit.toBytes()) {
			if (this.resolver.resolveException(request, response, null,
					new PayloadTooLargeException(this.limit)) == null) {
				response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
			}
			return;
		}
		chain.doFilter(new LimitedRequest(request, this.limit), response);
	}

	private static final class LimitedRequest extends HttpServletRequestWrapper {

		private final DataSize limit;

		private ServletInputStream limited;

		private BufferedReader reader;

		LimitedRequest(HttpServletRequest request, DataSize limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (this.limited == null) {
				this.limited = new LimitedInputStream(super.getInputStream(), this.limit);
			}
			return this.limited;
		}

		@Override
		public BufferedReader getReader() throws IOException {
			if (this.reader == null) {
				String encoding = getCharacterEncoding();
				Charset charset = (encoding != null) ? Charset.forName(encoding) : StandardCharsets.UTF_8;
				this.reader = new BufferedReader(new InputStreamReader(getInputStream(), charset));
			}
			return this.reader;
		}

	}

	private static final class LimitedInputStream extends ServletInputStream {

		private final ServletInputStream delegate;

		private final DataSize limit;

		private long read;

		LimitedInputStream(ServletInputStream delegate, DataSize limit) {
			this.delegate = delegate;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int next = this.delegate.read();
			if (next >= 0) {
				count(1);
			}
			return next;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int count = this.delegate.read(buffer, offset, length);
			if (count > 0) {
				count(count);
			}
			return count;
		}

		private void count(int bytes) throws PayloadTooLargeException {
			this.read += bytes;
			if (this.read > this.limit.toBytes()) {
				throw new PayloadTooLargeException(this.limit);
			}
		}

		@Override
		public boolean isFinished() {
			return this.delegate.isFinished();
		}

		@Override
		public boolean isReady() {
			return this.delegate.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			this.delegate.setReadListener(listener);
		}

	}

}
