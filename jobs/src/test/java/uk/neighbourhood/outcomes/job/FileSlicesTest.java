package uk.neighbourhood.outcomes.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import uk.neighbourhood.outcomes.discover.ReturnFile;

class FileSlicesTest {

  private static ReturnFile file(String name, long bytes) {
    return new ReturnFile("s", "file:/inbox/s/" + name, "s/" + name, bytes, 0);
  }

  @Test
  void everyFileLandsInExactlyOneSlice() {
    List<ReturnFile> files = new ArrayList<>();
    for (int i = 0; i < 103; i++) {
      files.add(file("r" + i + (i % 3 == 0 ? ".xlsx" : ".csv"), 1000L * (i % 17)));
    }
    List<ArrayList<ReturnFile>> slices = FileSlices.deal(files, 8);
    assertEquals(8, slices.size());
    Set<ReturnFile> seen = new HashSet<>();
    slices.forEach(s -> s.forEach(f -> assertTrue(seen.add(f), "twice: " + f)));
    assertEquals(new HashSet<>(files), seen);
  }

  @Test
  void twoLargeWorkbooksListedTogetherGoToDifferentTasks() {
    // Spark's own slicing would put these neighbours into one task and leave the other core idle
    List<ReturnFile> files = new ArrayList<>();
    files.add(file("big-1.xlsx", 20_000_000));
    files.add(file("big-2.xlsx", 20_000_000));
    for (int i = 0; i < 40; i++) {
      files.add(file("small-" + i + ".csv", 2_000));
    }
    List<ArrayList<ReturnFile>> slices = FileSlices.deal(files, 2);
    int first = indexOf(slices, "s/big-1.xlsx");
    int second = indexOf(slices, "s/big-2.xlsx");
    assertNotEquals(first, second);
    assertEquals(21, slices.get(0).size());
    assertEquals(21, slices.get(1).size());
  }

  @Test
  void neverMoreSlicesThanFilesAndAtLeastOne() {
    assertEquals(3, FileSlices.deal(List.of(file("a.csv", 1), file("b.csv", 1), file("c.csv", 1)), 8).size());
    assertEquals(1, FileSlices.deal(List.of(), 8).size());
  }

  @Test
  void zippedWorkbooksWeighMoreThanTextOfTheSameSize() {
    assertTrue(FileSlices.weight(file("a.xlsx", 100_000)) > FileSlices.weight(file("a.csv", 100_000)));
  }

  private static int indexOf(List<ArrayList<ReturnFile>> slices, String path) {
    for (int i = 0; i < slices.size(); i++) {
      for (ReturnFile f : slices.get(i)) {
        if (f.relativePath().equals(path)) {
          return i;
        }
      }
    }
    throw new AssertionError(path + " in no slice");
  }
}
