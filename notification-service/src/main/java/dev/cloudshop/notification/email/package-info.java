/**
 * Email: sends a message with a plain-text and an HTML version through SMTP.
 */
package dev.cloudshop.notification.email;
