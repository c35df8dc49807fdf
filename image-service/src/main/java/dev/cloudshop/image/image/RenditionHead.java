package dev.cloudshop.image.image;

/**
 * What answering a conditional request for a rendition needs, without its bytes.
 */
interface RenditionHead {

	String getContentType();

	String getSha256();

}
