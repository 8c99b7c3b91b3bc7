package se.clientfunds.report.xlsx;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Optional;

import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Fixed core properties of a workbook, so none carries the wall clock or the user who ran it. */
public final class DocumentProperties {

    /** The creator and last modifier written into every workbook. */
    public static final String CREATOR = "client-funds settlement";

    private DocumentProperties() {
    }

    /** Creator, dates (the business date, midnight UTC) and title; no last-printed date. */
    public static void fix(XSSFWorkbook workbook, LocalDate businessDate, String title) {
        POIXMLProperties.CoreProperties core = workbook.getProperties().getCoreProperties();
        Date date = Date.from(businessDate.atStartOfDay(ZoneOffset.UTC).toInstant());
        core.setCreator(CREATOR);
        core.setLastModifiedByUser(CREATOR);
        core.setCreated(Optional.of(date));
        core.setModified(Optional.of(date));
        core.setLastPrinted(Optional.empty());
        core.setTitle(title);
    }
}
