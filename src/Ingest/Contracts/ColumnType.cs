namespace Analytics.Ingest.Contracts;

/// <summary>How a ledger column's text is normalised and checked.</summary>
public enum ColumnType
{
    /// <summary>An identifier: full-width letters and digits folded to ASCII, trimmed.</summary>
    Id,
    /// <summary>Free text (titles, names): trimmed only, so Chinese punctuation is kept.</summary>
    Text,
    /// <summary>A local date in any of the accepted spellings or an Excel serial number.</summary>
    Date,
    /// <summary>A whole number that may not be negative.</summary>
    Count,
    /// <summary>A calendar year.</summary>
    Year,
    /// <summary>A non-negative decimal (hours).</summary>
    Decimal,
    /// <summary>One value of a named value set, given as its canonical text or an alias.</summary>
    Choice,
    /// <summary>One or more activity types of the catalogue separated by 、 / ; or ，.</summary>
    ActivityTypes,
    /// <summary>A pledge item of the catalogue, as its code (T1) or its Chinese text.</summary>
    PledgeItem,
}
