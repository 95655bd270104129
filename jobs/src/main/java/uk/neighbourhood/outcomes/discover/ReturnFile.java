package uk.neighbourhood.outcomes.discover;

import java.io.Serializable;

/**
 * A return file found in the inbox.
 *
 * @param schemeId the folder directly under the inbox: the submitting scheme
 * @param uri the file's full Hadoop URI, as the executors open it
 * @param relativePath the path below the inbox, shown to people ({@code riverside-sp/2025-26Q1.csv})
 * @param modifiedMillis last modification time reported by the file system
 */
public record ReturnFile(String schemeId, String uri, String relativePath, long sizeBytes, long modifiedMillis)
    implements Serializable {

  public String fileName() {
    int slash = relativePath.lastIndexOf('/');
    return slash < 0 ? relativePath : relativePath.substring(slash + 1);
  }
}
