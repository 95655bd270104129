/**
 * Reading: a return file becomes a {@link uk.neighbourhood.outcomes.model.Workbook} of typed cells with
 * coordinates, or a {@link ReadException} whose {@link uk.neighbourhood.outcomes.model.Problem} names
 * what is wrong in words a local team can act on. Readers never evaluate formulas, never follow
 * external references, and refuse rather than crash, hang or exhaust memory.
 *
 * <h2>Entry point</h2>
 * {@link Readers#read(java.nio.file.Path, String, ReadLimits)} is the only public way in. It refuses
 * empty and over-size files unopened, then decides the format from the first bytes (zip, OLE2,
 * known images and documents, HTML, XML, otherwise text) and only then from the extension, so a PNG
 * or a Word document named {@code .xlsx} is refused as "not a spreadsheet" and a CSV named
 * {@code .xls} is read as the text it is. The read runs on a daemon thread behind a watchdog; the
 * readers also check the clock themselves in their loops ({@code ReadGuard}), so a slow file stops
 * where it is being parsed, with {@code read.time_limit}.
 *
 * <h2>Readers</h2>
 * <ul>
 *   <li>{@code XlsxReader} (.xlsx, .xlsm): streams each worksheet in one StAX pass; memory holds the
 *       shared strings, one date flag per cell style, and the cells kept. Elements are matched by
 *       local name, so Strict OOXML reads like Transitional (POI's usermodel refuses Strict). Shared
 *       and inline strings (text beside rich-text runs is kept, where POI drops it), cached formula
 *       results, error cells as errors, booleans, dates from the style's number format in the 1900 or
 *       1904 system (with Excel's 1900 leap-year bug, as POI's {@code DateUtil}), hidden and very
 *       hidden sheets, merged regions, rows and cells without an {@code r} attribute. Chart, dialog
 *       and macro sheets are skipped. Binary .xlsb is refused as unsupported.</li>
 *   <li>{@code XlsReader} (.xls): HSSF over the OLE2 container; an OLE2 file holding an encrypted OOXML
 *       package, or a password-protected .xls, is {@code read.encrypted}. Fuzzed files that HSSF
 *       tolerates are caught by structural checks (no sheets, cells outside 65,536 x 256, a damaged
 *       drawing layer). Any POI runtime failure is {@code read.corrupt}.</li>
 *   <li>{@code Biff5Reader} (Excel 5/95): walks the cell records as POI's {@code OldExcelExtractor}
 *       does, keeping positions; labels, numbers and cached formula numbers only, and dates come out
 *       as serial numbers because number formats are not read. No cells: refused with "save it as
 *       .xlsx" advice.</li>
 *   <li>{@code OdsReader} (.ods): {@code content.xml} in one StAX pass; repeated empty rows and cells
 *       cost nothing, repeated values are expanded within the cell budget; spans become merged
 *       regions; tables whose style sets {@code table:display="false"} are hidden.</li>
 *   <li>{@code DelimitedTextReader} (.csv, .tsv, .txt, and text under any name): encoding from a BOM,
 *       then BOM-less UTF-16 by its NUL pattern, then strict UTF-8 (tried before juniversalchardet,
 *       which names short Latin-1 samples inconsistently), then the detector, then Windows-1252.
 *       Binary content is refused as not text. The delimiter among {@code , ; TAB |} is the one that
 *       splits most of the first 50 records (quotes respected) into the same number of fields. Cells
 *       are TEXT except plain numbers without a leading zero; in a {@code ;} file a decimal comma is
 *       converted unless the value could equally be a thousands group ({@code 1,234}). Thousands
 *       separators stay TEXT for the mapper. A comma file whose row has surplus fields that are exactly
 *       unquoted thousands groups ({@code people_supported,1,234}) has them joined back as TEXT
 *       {@code "1,234"}. NUL bytes are dropped. The sheet is named after the file.</li>
 * </ul>
 *
 * <h2>Defences</h2>
 * Zip packages are opened by {@code SafeZip}, which counts the bytes each part really inflates to
 * (not the sizes the archive claims) against {@link ReadLimits#maxInflationRatio()} and
 * {@link ReadLimits#maxInflatedBytes()}, and checks each part's CRC-32, which catches fuzzed
 * packages that still parse. All XML goes through {@code SecureXml}: the JDK's own StAX with DTDs
 * and external entities off and any DOCTYPE refused as {@code read.xml_entities}, so nothing is
 * expanded and no local file is opened. {@code ReadGuard} bounds non-blank cells
 * ({@link ReadLimits#maxCells()}), characters per cell (32,767, Excel's own limit, which also stops a
 * crafted shared string from being copied into every cell) and text per file.
 *
 * <h2>Refusal codes</h2>
 * {@code read.empty_file}, {@code read.file_too_large}, {@code read.not_a_spreadsheet},
 * {@code read.unsupported_format}, {@code read.encrypted}, {@code read.corrupt}, {@code read.zip_bomb},
 * {@code read.xml_entities}, {@code read.too_many_cells}, {@code read.cell_too_long},
 * {@code read.too_much_text}, {@code read.time_limit}, {@code read.io}. All are errors.
 */
package uk.neighbourhood.outcomes.read;
