package uk.neighbourhood.outcomes.map;

import java.io.Serializable;
import uk.neighbourhood.outcomes.catalog.Schemas;

/**
 * What the pipeline knows about a return before reading it.
 *
 * @param schemeId the submitting scheme: the inbox folder the file sits in
 * @param file the path relative to the inbox, as shown to people (e.g. {@code riverside/2025-26Q1.xlsx})
 * @param sha256 hex digest of the file's bytes
 */
public record ReturnContext(String schemeId, String file, String sha256, Schemas schemas) implements Serializable {

  /** The file's own name, without folders. */
  public String fileName() {
    int slash = file.lastIndexOf('/');
    return slash < 0 ? file : file.substring(slash + 1);
  }
}
