/**
 * Images: what was uploaded, by whom, in which format and size.
 */
package dev.cloudshop.image.image;
