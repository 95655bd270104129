package uk.neighbourhood.outcomes.read;

import uk.neighbourhood.outcomes.model.Problem;

/**
 * The reasons a file is refused unread, each with its stable code and a fix a local team can act on.
 * Kept in one place so the same trap gets the same words whichever reader meets it.
 */
final class Refusal {
  static final String ENCRYPTED = "read.encrypted";
  static final String CORRUPT = "read.corrupt";
  static final String NOT_A_SPREADSHEET = "read.not_a_spreadsheet";
  static final String ZIP_BOMB = "read.zip_bomb";
  static final String TOO_MANY_CELLS = "read.too_many_cells";
  static final String TOO_MUCH_TEXT = "read.too_much_text";
  static final String CELL_TOO_LONG = "read.cell_too_long";
  static final String TIME_LIMIT = "read.time_limit";
  static final String EMPTY_FILE = "read.empty_file";
  static final String FILE_TOO_LARGE = "read.file_too_large";
  static final String XML_ENTITIES = "read.xml_entities";
  static final String UNSUPPORTED_FORMAT = "read.unsupported_format";
  static final String IO = "read.io";

  private static final String SAVE_AS_XLSX =
      "Open the file in Excel or LibreOffice, save it as an Excel Workbook (.xlsx) and upload that.";

  private Refusal() {}

  static ReadException encrypted(String file) {
    return refuse(ENCRYPTED, "Cannot read '" + file + "': it is protected with a password",
        "Remove the password (in Excel: File > Info > Protect Workbook > Encrypt with Password, clear it), "
            + "save and upload again.");
  }

  static ReadException corrupt(String file, String reason, Throwable cause) {
    return new ReadException(Problem.error(CORRUPT, "Cannot read '" + file + "': " + reason,
        "Check the file opens in Excel, save it again as .xlsx and upload that copy."), cause);
  }

  static ReadException notASpreadsheet(String file, String whatItIs) {
    return refuse(NOT_A_SPREADSHEET, "Cannot read '" + file + "': it is not a spreadsheet (" + whatItIs + ")",
        "Upload the return itself as .xlsx, .xls, .ods or .csv.");
  }

  static ReadException unsupported(String file, String whatItIs) {
    return refuse(UNSUPPORTED_FORMAT, "Cannot read '" + file + "': " + whatItIs + " is not a supported format",
        SAVE_AS_XLSX);
  }

  static ReadException zipBomb(String file, String part, String reason) {
    return refuse(ZIP_BOMB, "Cannot read '" + file + "': part '" + part + "' " + reason
        + ", which a genuine spreadsheet never does", SAVE_AS_XLSX);
  }

  static ReadException xmlEntities(String file, String part) {
    return refuse(XML_ENTITIES, "Cannot read '" + file + "': part '" + part
        + "' declares a DOCTYPE or entities, which spreadsheets never need and attacks rely on", SAVE_AS_XLSX);
  }

  static ReadException tooManyCells(String file, long limit) {
    return refuse(TOO_MANY_CELLS, "Cannot read '" + file + "': it holds more than " + String.format("%,d", limit)
        + " non-empty cells", "Upload only the return: delete other sheets and unused rows, or split the file.");
  }

  /** The last resort when memory runs out anyway: said as what the team can change, the file's size. */
  static ReadException tooLarge(String file) {
    return refuse(TOO_MANY_CELLS, "Cannot read '" + file + "': it is too large to read",
        "Upload only the return: delete other sheets, unused rows and formatting, or split the file.");
  }

  static ReadException tooMuchText(String file, long limit) {
    return refuse(TOO_MUCH_TEXT, "Cannot read '" + file + "': its cells hold more than "
        + String.format("%,d", limit) + " characters of text",
        "Upload only the return: delete notes, other sheets and unused rows.");
  }

  static ReadException cellTooLong(String file, String sheet, String a1, int limit) {
    return new ReadException(Problem.error(CELL_TOO_LONG, "Cannot read '" + file + "': a cell holds more than "
            + String.format("%,d", limit) + " characters, more than a spreadsheet cell can hold",
        "Shorten the text in that cell or move it out of the return.").at(sheet, a1));
  }

  static ReadException timeLimit(String file, java.time.Duration limit) {
    return refuse(TIME_LIMIT, "Cannot read '" + file + "': reading took longer than " + limit.toSeconds()
        + " seconds", "Upload only the return: delete other sheets, unused rows and formatting, then try again.");
  }

  static ReadException emptyFile(String file) {
    return refuse(EMPTY_FILE, "Cannot read '" + file + "': the file is empty",
        "Upload the completed return again; the copy received has no content.");
  }

  static ReadException fileTooLarge(String file, long bytes, long limit) {
    return refuse(FILE_TOO_LARGE, "Cannot read '" + file + "': it is " + mb(bytes) + " MB, above the "
        + mb(limit) + " MB limit", "Upload only the return: delete other sheets, images and unused rows.");
  }

  static ReadException io(String file, Throwable cause) {
    return new ReadException(Problem.error(IO, "Cannot read '" + file + "': the file could not be opened",
        "Upload the file again."), cause);
  }

  private static ReadException refuse(String code, String message, String fix) {
    return new ReadException(Problem.error(code, message, fix));
  }

  private static String mb(long bytes) {
    return String.format("%.1f", bytes / (1024.0 * 1024.0));
  }
}
