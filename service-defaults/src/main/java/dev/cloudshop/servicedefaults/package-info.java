/**
 * What every service of the suite does the same way, as defaults it can override: the
 * operational configuration ({@code service-defaults.yml}) and, in the sub-packages, the
 * problem-details contract and the input limits of a Spring MVC service.
 */
package dev.cloudshop.servicedefaults;
