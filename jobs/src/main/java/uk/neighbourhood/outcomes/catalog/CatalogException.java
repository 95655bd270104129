package uk.neighbourhood.outcomes.catalog;

/** A catalogue or registry file is wrong; the message names the file and line and says how to fix it. */
public class CatalogException extends RuntimeException {
  public CatalogException(String message) {
    super(message);
  }

  public CatalogException(String message, Throwable cause) {
    super(message, cause);
  }
}
