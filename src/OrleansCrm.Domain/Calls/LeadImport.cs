using System.Globalization;
using System.Numerics;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using OrleansCrm.Domain.Common;

namespace OrleansCrm.Domain.Calls;

/// <summary>
/// The bulk lead import of a calling campaign: thousands of rows in one request, as a JSON array or a CSV
/// (RFC 4180). A request that cannot be read at all is refused whole; otherwise every bad row is reported
/// with its number and the good rows are kept.
/// </summary>
public static partial class LeadImport
{
    public const int MaxRows = 10_000;

    /// <summary>An id derived from a phone: this prefix and 20 letters a–z.</summary>
    public const string DerivedIdPrefix = "lead-";

    public const int DerivedIdLetters = 20;

    private const string KnownColumns = "id, name, phone, email, timeZone, customerId, orderNumber";

    private static readonly Dictionary<string, string> Columns = new(StringComparer.OrdinalIgnoreCase)
    {
        ["id"] = "id",
        ["name"] = "name",
        ["phone"] = "phone",
        ["email"] = "email",
        ["timeZone"] = "timeZone",
        ["time_zone"] = "timeZone",
        ["customerId"] = "customerId",
        ["customer_id"] = "customerId",
        ["orderNumber"] = "orderNumber",
        ["order_number"] = "orderNumber",
    };

    /// <summary>
    /// Reads a CSV whose first line names the columns. A row that cannot be read as a lead (a field count
    /// other than the header's, text after a closing quote, an empty line between rows) comes back as null,
    /// so its number still points at the right row; empty trailing lines are not rows.
    /// </summary>
    public static IReadOnlyList<Lead?> ParseCsv(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        using var records = CsvRecords(text).GetEnumerator();
        if (!records.MoveNext())
        {
            throw Refusal("csv", "is empty: the first line must name the columns, phone among them.");
        }

        if (records.Current.IsBlank)
        {
            throw Refusal("csv.header", "is an empty line: the first line must name the columns, phone among them.");
        }

        var columns = HeaderColumns(records.Current);
        var rows = new List<Lead?>();
        var blankLines = 0;
        while (records.MoveNext())
        {
            var record = records.Current;
            if (record.IsBlank)
            {
                // Counted, not added yet: blank lines at the end of a file are not rows.
                blankLines++;
                continue;
            }

            rows.AddRange(Enumerable.Repeat<Lead?>(null, blankLines));
            blankLines = 0;
            rows.Add(record.Malformed || record.Cells.Count != columns.Length ? null : ToLead(columns, record.Cells));
            if (rows.Count > MaxRows)
            {
                throw Refusal("csv", $"has more than {MaxRows} data rows; import at most {MaxRows} rows per request.");
            }
        }

        if (rows.Count == 0)
        {
            throw Refusal("csv", "has no data rows after the header: there is nothing to import.");
        }

        return rows;
    }

    /// <summary>
    /// The customer ids and order numbers the rows name (well-formed ones only, trimmed): what to look up
    /// for <see cref="Check"/>, together with the customers of the orders found.
    /// </summary>
    public static (IReadOnlySet<string> CustomerIds, IReadOnlySet<string> OrderNumbers) Named(IReadOnlyList<Lead?> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var customers = new HashSet<string>(StringComparer.Ordinal);
        var orders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (WellFormedId(row?.CustomerId) is { } customerId)
            {
                customers.Add(customerId);
            }

            if (WellFormedId(row?.OrderNumber) is { } orderNumber)
            {
                orders.Add(orderNumber);
            }
        }

        return (customers, orders);
    }

    /// <summary>
    /// Checks every row and normalizes the good ones: fields trimmed (a blank optional field is absent),
    /// card numbers in the name redacted, the id set. A lead of a known customer (named by customerId, or
    /// by an order of theirs) takes the customer's name, phone, email and time zone where the row gives
    /// none; any other lead without a zone takes <paramref name="defaultTimeZone"/>. A row naming a customer
    /// or an order that does not exist, a deleted order, an order marked already paid, or another customer's
    /// order is refused. A row repeating the phone or the id of a row accepted before it is refused.
    /// </summary>
    /// <param name="defaultTimeZone">The campaign's zone, for leads that name none; an IANA id.</param>
    /// <param name="known">The customers and orders the rows name, as found (see <see cref="Named"/>).</param>
    public static CheckedLeads Check(IReadOnlyList<Lead?> rows, string defaultTimeZone, LeadReferences known)
    {
        ArgumentNullException.ThrowIfNull(known);
        ArgumentNullException.ThrowIfNull(rows);
        if (!TimeZones.TryFind(defaultTimeZone, out _))
        {
            throw new ArgumentException($"'{defaultTimeZone}' is not an IANA time zone.", nameof(defaultTimeZone));
        }

        var whole = new Validator();
        if (rows.Count == 0)
        {
            whole.Add("leads", "is empty: there is nothing to import.");
        }
        else if (rows.Count > MaxRows)
        {
            whole.Add("leads", $"has {rows.Count} rows; import at most {MaxRows} rows per request.");
        }

        whole.ThrowIfInvalid();

        var accepted = new List<Lead>(rows.Count);
        var refused = new List<LeadRowError>();
        var rowOfPhone = new Dictionary<string, int>(StringComparer.Ordinal);
        var rowOfId = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var index = 0; index < rows.Count; index++)
        {
            var row = index + 1;
            var v = new Validator();
            if (rows[index] is not { } sent)
            {
                v.Add("row", "is empty or malformed.");
                refused.Add(new LeadRowError(row, v.Errors));
                continue;
            }

            var lead = Checked(sent, defaultTimeZone, known, v);

            // Only accepted rows claim a phone or an id: a corrected copy of a refused row is welcome.
            int? phoneTwin = null;
            if (lead.Phone is not null && rowOfPhone.TryGetValue(lead.Phone, out var first))
            {
                v.Add("phone", $"duplicates row {first}: a phone number is imported once.");
                phoneTwin = first;
            }

            // The same phone means the same derived id: that twin is reported once, on the phone.
            if (lead.Id is not null && rowOfId.TryGetValue(lead.Id, out var firstWithId) && firstWithId != phoneTwin)
            {
                v.Add("id", $"'{Validator.Shorten(lead.Id)}'{IdSource(sent)} duplicates row {firstWithId}: each lead needs its own id.");
            }

            if (!v.IsValid)
            {
                refused.Add(new LeadRowError(row, v.Errors));
                continue;
            }

            rowOfPhone[lead.Phone!] = row;
            rowOfId[lead.Id!] = row;
            accepted.Add(lead);
        }

        return new CheckedLeads(accepted, refused);
    }

    /// <summary>
    /// The id of a lead that has neither an id nor a customer id: the same phone always gives the same id,
    /// so importing a phone twice finds the lead already there. Letters only: an id with a run of digits
    /// could pass for a card number.
    /// </summary>
    public static string IdFromPhone(string phone)
    {
        ArgumentNullException.ThrowIfNull(phone);
        var number = new BigInteger(SHA256.HashData(Encoding.UTF8.GetBytes(phone)), isUnsigned: true, isBigEndian: true);
        var letters = new char[DerivedIdLetters];
        for (var i = 0; i < letters.Length; i++)
        {
            number = BigInteger.DivRem(number, 26, out var letter);
            letters[i] = (char)('a' + (int)letter);
        }

        return DerivedIdPrefix + new string(letters);
    }

    /// <summary>
    /// The lead as it may be stored, its errors added to <paramref name="v"/>; a field with an error comes
    /// back null, and so does the id when it cannot be known.
    /// </summary>
    private static Lead Checked(Lead sent, string defaultTimeZone, LeadReferences known, Validator v)
    {
        var id = Cleaned(sent.Id);
        var idOk = NotBlank(v, "id", sent.Id) && ClientId(v, "id", id);
        var customerId = Cleaned(sent.CustomerId);
        var customerIdOk = ClientId(v, "customerId", customerId);
        var orderNumber = Cleaned(sent.OrderNumber);
        var orderNumberOk = ClientId(v, "orderNumber", orderNumber);

        KnownCustomer? customer = null;
        if (customerIdOk && customerId is not null && !known.Customers.TryGetValue(customerId, out customer))
        {
            v.Add("customerId", $"'{customerId}' is not a known customer.");
            customerIdOk = false;
        }

        if (orderNumberOk && orderNumber is not null)
        {
            orderNumberOk = OrderCanBeCalledAbout(v, known, orderNumber, customerIdOk ? customerId : null, out var order);

            // A lead naming an order and no customer is the order's customer's lead.
            if (orderNumberOk && customerId is null)
            {
                customer = known.Customers.GetValueOrDefault(order!.CustomerId) ?? new KnownCustomer(order.CustomerId, null, null, null, null);
            }
        }

        // What the row gives wins; what it leaves out comes from the customer.
        var phone = Cleaned(sent.Phone) ?? customer?.Phone;
        var phoneOk = v.Phone("phone", phone);

        // Redact first: the cap applies to what is stored, and redaction makes a number longer.
        var name = Cleaned(sent.Name) is { } given ? CardNumbers.Redact(Whitespace().Replace(given, " ")) : customer?.Name;
        var nameOk = v.Text("name", name, Validator.NameMaxLength);

        var email = Cleaned(sent.Email) ?? customer?.Email;
        var emailOk = v.Email("email", email);

        var zone = Cleaned(sent.TimeZone) ?? customer?.TimeZone;
        var zoneOk = v.TimeZone("timeZone", zone, required: false);

        var leadId = (id, customerId) switch
        {
            (not null, _) => idOk ? id : null,
            (null, not null) => customerIdOk ? customerId : null,
            _ => phoneOk ? IdFromPhone(phone!) : null,
        };

        return new Lead(
            leadId,
            nameOk ? name : null,
            phoneOk ? phone : null,
            emailOk ? email : null,
            zoneOk ? (zone ?? defaultTimeZone) : null,
            customerIdOk ? customer?.Id : null,
            orderNumberOk ? orderNumber : null);
    }

    /// <summary>
    /// Whether a lead may be about the order: it exists, is not deleted, was never marked already paid (such an
    /// order is never called about again, in any campaign) and is the named customer's, if the row names one.
    /// </summary>
    private static bool OrderCanBeCalledAbout(Validator v, LeadReferences known, string orderNumber, string? customerId, out Orders.OrderCallingFacts? order)
    {
        if (!known.Orders.TryGetValue(orderNumber, out order))
        {
            v.Add("orderNumber", $"'{orderNumber}' is not a known order.");
        }
        else if (order.Deleted)
        {
            v.Add("orderNumber", $"order {orderNumber} is deleted.");
        }
        else if (order.AlreadyPaidAt is { } at)
        {
            v.Add("orderNumber", $"order {orderNumber} was marked already paid at {at.ToString("O", CultureInfo.InvariantCulture)}: it is never called about again, in any campaign.");
        }
        else if (customerId is not null && order.CustomerId != customerId)
        {
            v.Add("orderNumber", $"order {orderNumber} belongs to customer '{order.CustomerId}', not '{customerId}'.");
        }
        else
        {
            return true;
        }

        return false;
    }

    /// <summary>The trimmed value when it is a well-formed client id (worth looking up), else null.</summary>
    private static string? WellFormedId(string? value) =>
        Cleaned(value) is { } id && new Validator().Id("id", id) ? id : null;

    /// <summary>An id a client chose (id, customerId, orderNumber): optional, and the id rule (which refuses a card number).</summary>
    private static bool ClientId(Validator v, string field, string? value) => value is null || v.Id(field, value);

    /// <summary>A lead id given as nothing but spaces is a mistake, not an absent id: leave it out (or the cell empty) to have one derived.</summary>
    private static bool NotBlank(Validator v, string field, string? sent)
    {
        if (sent is { Length: > 0 } && string.IsNullOrWhiteSpace(sent))
        {
            v.Add(field, "must not be blank: leave it out (or the cell empty) to have it derived.");
            return false;
        }

        return true;
    }

    private static string IdSource(Lead sent) =>
        Cleaned(sent.Id) is not null ? "" : Cleaned(sent.CustomerId) is not null ? ", taken from customerId," : ", derived from the phone,";

    /// <summary>Spreadsheets pad cells and leave them blank: surrounding whitespace goes, and a blank field is absent.</summary>
    private static string? Cleaned(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static DomainException Refusal(string field, string message)
    {
        var v = new Validator();
        v.Add(field, message);
        return DomainException.Invalid(v.Errors);
    }

    // ---- CSV ----

    /// <summary>The lead field each header cell names; refuses the whole request when the header is unusable.</summary>
    private static string[] HeaderColumns(CsvRecord header)
    {
        var v = new Validator();
        var columns = new string[header.Cells.Count];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < columns.Length; i++)
        {
            var raw = header.Cells[i]?.Trim();
            if (raw is null)
            {
                v.Add("csv.header", $"column {i + 1} has no name; the columns are {KnownColumns}.");
            }
            else if (!Columns.TryGetValue(raw, out var column))
            {
                v.Add("csv.header", $"'{Validator.Shorten(raw)}' is not a lead column; the columns are {KnownColumns}.");
            }
            else if (!seen.Add(column))
            {
                v.Add("csv.header", $"'{raw}' names the {column} column a second time.");
            }
            else
            {
                columns[i] = column;
            }
        }

        if (header.Malformed)
        {
            v.Add("csv.header", "has text after a closing quote.");
        }

        if (!seen.Contains("phone"))
        {
            v.Add("csv.header", "must have a phone column.");
        }

        v.ThrowIfInvalid();
        return columns;
    }

    private static Lead ToLead(string[] columns, IReadOnlyList<string?> cells)
    {
        string? Cell(string column) => Array.IndexOf(columns, column) is var i and >= 0 ? cells[i] : null;
        return new Lead(Cell("id"), Cell("name"), Cell("phone"), Cell("email"), Cell("timeZone"), Cell("customerId"), Cell("orderNumber"));
    }

    /// <summary>
    /// The records of an RFC 4180 text, one at a time so an oversized import is refused before it is all read.
    /// Line ends are CRLF, LF or a lone CR; a quote opening a field runs to its closing quote, across commas
    /// and line ends, "" standing for one quote; a quote anywhere else is kept as written.
    /// </summary>
    private static IEnumerable<CsvRecord> CsvRecords(string text)
    {
        var i = text.StartsWith('\uFEFF') ? 1 : 0;
        if (i == text.Length)
        {
            yield break;
        }

        var line = 1;
        var cells = new List<string?>();
        var cell = new StringBuilder();
        var malformed = false;
        while (true)
        {
            if (i < text.Length && text[i] == '"')
            {
                var openedOn = line;
                i++;
                while (true)
                {
                    if (i == text.Length)
                    {
                        throw Refusal("csv", $"line {openedOn}: a quoted field opens here and is never closed.");
                    }

                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"')
                        {
                            cell.Append('"');
                            i += 2;
                            continue;
                        }

                        i++;
                        break;
                    }

                    if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
                    {
                        line++;
                    }

                    cell.Append(text[i]);
                    i++;
                }

                // RFC 4180 allows nothing between a closing quote and the next comma or line end.
                malformed |= i < text.Length && text[i] is not (',' or '\r' or '\n');
            }

            while (i < text.Length && text[i] is not (',' or '\r' or '\n'))
            {
                cell.Append(text[i]);
                i++;
            }

            var value = cell.ToString();
            cells.Add(string.IsNullOrWhiteSpace(value) ? null : value);
            cell.Clear();
            if (i < text.Length && text[i] == ',')
            {
                i++;
                continue;
            }

            yield return new CsvRecord([.. cells], malformed);
            if (i == text.Length)
            {
                yield break;
            }

            i += text[i] == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
            line++;
            cells.Clear();
            malformed = false;

            // A line end that ends the text closes the last record; it does not open an empty one.
            if (i == text.Length)
            {
                yield break;
            }
        }
    }

    /// <summary>One CSV record: its cells (null when blank) and whether it breaks the quoting rules.</summary>
    private sealed record CsvRecord(IReadOnlyList<string?> Cells, bool Malformed)
    {
        /// <summary>An empty line, or one of empty cells only (",,,"), as spreadsheets leave behind.</summary>
        public bool IsBlank => !Malformed && Cells.All(c => c is null);
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
