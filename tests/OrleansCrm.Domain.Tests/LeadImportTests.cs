using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using OrleansCrm.Domain.Calls;
using OrleansCrm.Domain.Orders;

namespace OrleansCrm.Domain.Tests;

public sealed partial class LeadImportTests
{
    private const string Rome = "Europe/Rome";
    private const string Header = "id,name,phone,email,timeZone,customerId,orderNumber";

    private static Lead Mario => new("lead-mario", "Mario Rossi", "+390612345678", "mario.rossi@example.com", "Europe/Rome", "cust-1", "1001");

    private static Lead PhoneOnly(string phone) => new(null, null, phone, null, null, null, null);

    private static string Phone(int n) => "+3906" + n.ToString("D8", CultureInfo.InvariantCulture);

    private static CheckedLeads Check(params Lead?[] rows) => Check(rows, Rome);

    /// <summary>The import checked as if every customer and order the rows name existed, with nothing on file to fill in.</summary>
    private static CheckedLeads Check(IReadOnlyList<Lead?> rows, string defaultTimeZone) => LeadImport.Check(rows, defaultTimeZone, Known(rows));

    private static LeadReferences Known(IReadOnlyList<Lead?> rows)
    {
        var (customerIds, orderNumbers) = LeadImport.Named(rows);
        var customerOfOrder = rows.Where(r => r?.OrderNumber is not null && r.CustomerId is not null)
            .GroupBy(r => r!.OrderNumber!.Trim()).ToDictionary(g => g.Key, g => g.First()!.CustomerId!.Trim());
        return new LeadReferences(
            customerIds.ToDictionary(id => id, id => new KnownCustomer(id, null, null, null, null)),
            orderNumbers.ToDictionary(n => n, n => new OrderCallingFacts(n, customerOfOrder.GetValueOrDefault(n) ?? "cust-of-" + n, false, null)));
    }

    /// <summary>Asserts the single row was refused for exactly <paramref name="field"/> and returns its messages.</summary>
    private static string[] RefusedOnlyFor(string field, Lead? row)
    {
        var result = Check(row);
        Assert.Empty(result.Accepted);
        var refused = Assert.Single(result.Refused);
        Assert.Equal(1, refused.Row);
        Assert.Equal([field], refused.Errors.Keys);
        return refused.Errors[field];
    }

    private static Lead AcceptedOne(Lead row)
    {
        var result = Check(row);
        Assert.Empty(result.Refused);
        return Assert.Single(result.Accepted);
    }

    private static Lead With(Lead lead, string field, string value) => field switch
    {
        "id" => lead with { Id = value },
        "customerId" => lead with { CustomerId = value },
        _ => lead with { OrderNumber = value },
    };

    private static string? ValueOf(Lead lead, string field) => field switch
    {
        "id" => lead.Id,
        "customerId" => lead.CustomerId,
        _ => lead.OrderNumber,
    };

    private static string CsvOf(int rows)
    {
        var csv = new StringBuilder("phone\n");
        for (var i = 1; i <= rows; i++)
        {
            csv.Append(Phone(i)).Append('\n');
        }

        return csv.ToString();
    }

    [GeneratedRegex("^lead-[a-z]{20}$")]
    private static partial Regex DerivedIdShape();

    // ---- CSV: reading ----

    [Fact]
    public void A_csv_header_names_the_columns_in_any_order_and_any_case()
    {
        var rows = LeadImport.ParseCsv("PHONE,Name,EMAIL,TimeZone,ID,CustomerID,ORDERNUMBER\n+390612345678,Mario Rossi,mario@example.com,Europe/Rome,lead-1,cust-1,1001\n");

        Assert.Equal([new Lead("lead-1", "Mario Rossi", "+390612345678", "mario@example.com", "Europe/Rome", "cust-1", "1001")], rows);
    }

    [Theory]
    [InlineData("time_zone", "customer_id", "order_number")]
    [InlineData("timezone", "customerid", "ordernumber")]
    [InlineData("Time_Zone", "CUSTOMER_ID", "Order_Number")]
    public void The_snake_case_and_lower_case_column_spellings_are_accepted(string zone, string customer, string order)
    {
        var rows = LeadImport.ParseCsv($"phone,{zone},{customer},{order}\n+390612345678,Europe/Rome,cust-1,1001\n");

        Assert.Equal([new Lead(null, null, "+390612345678", null, "Europe/Rome", "cust-1", "1001")], rows);
    }

    [Fact]
    public void A_csv_needs_only_a_phone_column_and_absent_columns_are_null()
    {
        Assert.Equal([PhoneOnly("+390612345678")], LeadImport.ParseCsv("phone\n+390612345678\n"));
    }

    [Fact]
    public void A_quoted_csv_field_may_hold_commas_line_ends_and_escaped_quotes()
    {
        const string csv = "phone,name,orderNumber\r\n"
            + "+390612345678,\"Rossi, Mario \"\"Super\"\"\",1001\r\n"
            + "+390612345679,\"Bianchi\r\nLuigi\",\"1002\"\r\n"
            + "+390612345670,\"\",\"a\"\"b\"\n";

        var rows = LeadImport.ParseCsv(csv);

        Assert.Equal(
            [
                new Lead(null, "Rossi, Mario \"Super\"", "+390612345678", null, null, null, "1001"),
                new Lead(null, "Bianchi\r\nLuigi", "+390612345679", null, null, null, "1002"),
                new Lead(null, null, "+390612345670", null, null, null, "a\"b"),
            ],
            rows);
    }

    [Fact]
    public void A_utf8_byte_order_mark_before_the_header_is_ignored()
    {
        var rows = LeadImport.ParseCsv("\uFEFFphone,name\n+390612345678,\"Rossi, Mario\"\n");

        Assert.Equal([new Lead(null, "Rossi, Mario", "+390612345678", null, null, null, null)], rows);
    }

    [Fact]
    public void A_csv_read_from_utf8_bytes_with_a_byte_order_mark_is_read_the_same()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes("phone,name\n+390612345678,Élodie\n")).ToArray();
        var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetString(bytes);

        Assert.Equal([new Lead(null, "Élodie", "+390612345678", null, null, null, null)], LeadImport.ParseCsv(text));
    }

    [Theory]
    [InlineData("phone,name\r\n+390612345678,Mario\r\n+390612345679,Luigi\r\n")]
    [InlineData("phone,name\n+390612345678,Mario\n+390612345679,Luigi\n")]
    [InlineData("phone,name\r\n+390612345678,Mario\n+390612345679,Luigi")]
    [InlineData("phone,name\r+390612345678,Mario\r+390612345679,Luigi\r")]
    public void Crlf_lf_and_lone_cr_line_ends_all_end_a_row(string csv)
    {
        Assert.Equal(
            [new Lead(null, "Mario", "+390612345678", null, null, null, null), new Lead(null, "Luigi", "+390612345679", null, null, null, null)],
            LeadImport.ParseCsv(csv));
    }

    [Theory]
    [InlineData("phone\n+390612345678\n")]
    [InlineData("phone\n+390612345678\n\n\n")]
    [InlineData("phone\r\n+390612345678\r\n\r\n")]
    [InlineData("phone,name\n+390612345678,Mario\n,\n")]
    public void Empty_lines_at_the_end_of_a_csv_are_not_rows(string csv)
    {
        Assert.Single(LeadImport.ParseCsv(csv));
    }

    [Fact]
    public void Empty_and_blank_csv_cells_are_null()
    {
        var rows = LeadImport.ParseCsv("id,name,phone,email\n,  ,+390612345678,\"\"\n");

        Assert.Equal([PhoneOnly("+390612345678")], rows);
    }

    [Fact]
    public void A_quote_inside_an_unquoted_field_is_kept_as_written()
    {
        var rows = LeadImport.ParseCsv("phone,name\n+390612345678,Mario \"Super\" Rossi\n");

        Assert.Equal("Mario \"Super\" Rossi", Assert.Single(rows)!.Name);
    }

    // ---- CSV: rows that cannot be read ----

    [Theory]
    [InlineData("+390612345679")]
    [InlineData("+390612345679,Luigi,extra")]
    public void A_csv_row_with_another_number_of_fields_than_the_header_is_null_and_the_other_rows_are_kept(string bad)
    {
        var rows = LeadImport.ParseCsv($"phone,name\n+390612345678,Mario\n{bad}\n+390612345670,Anna\n");

        Assert.Equal(3, rows.Count);
        Assert.Equal("Mario", rows[0]!.Name);
        Assert.Null(rows[1]);
        Assert.Equal("Anna", rows[2]!.Name);
    }

    [Fact]
    public void Text_after_a_closing_quote_makes_the_csv_row_null()
    {
        var rows = LeadImport.ParseCsv("phone,name\n+390612345678,\"Mario\" Rossi\n+390612345679,Luigi\n");

        Assert.Equal([null, new Lead(null, "Luigi", "+390612345679", null, null, null, null)], rows);
    }

    [Fact]
    public void An_empty_line_between_csv_rows_is_a_null_row_so_the_row_numbers_stay_right()
    {
        var rows = LeadImport.ParseCsv("phone\n+390612345678\n\n,\n+390612345679\n");

        Assert.Equal([PhoneOnly("+390612345678"), null, null, PhoneOnly("+390612345679")], rows);
    }

    // ---- CSV: whole-request refusals ----

    [Theory]
    [InlineData("name,email")]
    [InlineData("id,name,telephone")]
    public void A_csv_header_without_a_phone_column_refuses_the_whole_request(string header)
    {
        var refusal = Refusals.Of(() => LeadImport.ParseCsv($"{header}\nMario,mario@example.com\n"));

        Assert.Equal(["csv.header"], refusal.Errors.Keys);
        Assert.Contains("must have a phone column.", refusal.Errors["csv.header"]);
    }

    [Fact]
    public void An_unknown_csv_column_refuses_the_whole_request_naming_it()
    {
        var refusal = Refusals.Of(() => LeadImport.ParseCsv("phone,name,age\n+390612345678,Mario,40\n"));

        Assert.Equal(["csv.header"], refusal.Errors.Keys);
        Assert.Contains("'age'", Assert.Single(refusal.Errors["csv.header"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("phone,name,Phone")]
    [InlineData("phone,timezone,time_zone")]
    [InlineData("phone,customerId,customer_id")]
    public void A_csv_column_named_twice_refuses_the_whole_request(string header)
    {
        var refusal = Refusals.Of(() => LeadImport.ParseCsv($"{header}\n+390612345678,a,b\n"));

        Assert.Equal(["csv.header"], refusal.Errors.Keys);
        Assert.Contains("a second time", Assert.Single(refusal.Errors["csv.header"]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_csv_header_cell_without_a_name_refuses_the_whole_request()
    {
        Refusals.OnlyFor("csv.header", () => LeadImport.ParseCsv("phone,,name\n+390612345678,x,Mario\n"));
    }

    [Fact]
    public void A_csv_beginning_with_an_empty_line_refuses_the_whole_request()
    {
        Refusals.OnlyFor("csv.header", () => LeadImport.ParseCsv("\nphone\n+390612345678\n"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("\uFEFF")]
    [InlineData("phone")]
    [InlineData("phone\n")]
    [InlineData("phone\r\n\r\n\r\n")]
    [InlineData("\uFEFFphone,name\n,\n")]
    public void A_csv_without_data_rows_refuses_the_whole_request(string csv)
    {
        Refusals.OnlyFor("csv", () => LeadImport.ParseCsv(csv));
    }

    [Fact]
    public void An_unterminated_quote_refuses_the_whole_request_naming_the_line_it_opens_on()
    {
        const string csv = "phone,name\n+390612345678,\"Rossi\nMario\"\n+390612345679,\"Bianchi, Luigi\n+390612345670,Anna\n";

        var refusal = Refusals.Of(() => LeadImport.ParseCsv(csv));

        Assert.Equal(["csv"], refusal.Errors.Keys);
        Assert.StartsWith("line 4:", Assert.Single(refusal.Errors["csv"]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_csv_of_10000_rows_is_read()
    {
        Assert.Equal(10_000, LeadImport.MaxRows);

        var rows = LeadImport.ParseCsv(CsvOf(10_000));

        Assert.Equal(10_000, rows.Count);
        Assert.Equal(Phone(10_000), rows[^1]!.Phone);
    }

    [Fact]
    public void A_csv_of_10001_rows_refuses_the_whole_request()
    {
        var refusal = Refusals.Of(() => LeadImport.ParseCsv(CsvOf(10_001)));

        Assert.Equal(["csv"], refusal.Errors.Keys);
        Assert.Contains("10000", Assert.Single(refusal.Errors["csv"]), StringComparison.Ordinal);
    }

    // ---- check: the whole request ----

    [Fact]
    public void An_import_without_rows_is_refused_there_is_nothing_to_import()
    {
        Refusals.OnlyFor("leads", () => Check([], Rome));
    }

    [Fact]
    public void An_import_of_10000_leads_is_accepted_whole()
    {
        var rows = Enumerable.Range(1, 10_000).Select(i => (Lead?)PhoneOnly(Phone(i))).ToList();

        var result = Check(rows, Rome);

        Assert.Empty(result.Refused);
        Assert.Equal(10_000, result.Accepted.Count);
        Assert.Equal(10_000, result.Accepted.Select(l => l.Id).Distinct().Count());
    }

    [Fact]
    public void An_import_of_10001_leads_is_refused_whole()
    {
        var rows = Enumerable.Range(1, 10_001).Select(i => (Lead?)PhoneOnly(Phone(i))).ToList();

        Refusals.OnlyFor("leads", () => Check(rows, Rome));
    }

    [Fact]
    public void The_default_time_zone_must_be_an_IANA_zone()
    {
        Assert.Throws<ArgumentException>(() => Check([PhoneOnly("+390612345678")], "Mars/Base"));
    }

    // ---- check: one row ----

    [Fact]
    public void A_valid_lead_is_accepted_as_sent()
    {
        Assert.Equal(Mario, AcceptedOne(Mario));
    }

    [Fact]
    public void Every_field_of_a_lead_is_stored_trimmed_and_a_blank_optional_field_is_absent()
    {
        var lead = AcceptedOne(new Lead(" lead-1 ", "  Mario Rossi ", " +390612345678\t", " mario@example.com ", " Europe/Rome ", "  ", ""));

        Assert.Equal(new Lead("lead-1", "Mario Rossi", "+390612345678", "mario@example.com", "Europe/Rome", null, null), lead);
    }

    [Fact]
    public void An_empty_or_malformed_row_is_refused_on_row()
    {
        Assert.Equal(["is empty or malformed."], RefusedOnlyFor("row", null));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void A_lead_without_a_phone_is_refused(string? phone)
    {
        RefusedOnlyFor("phone", Mario with { Phone = phone });
    }

    [Theory]
    [InlineData("0612345678")]
    [InlineData("+39 06 1234 5678")]
    [InlineData("+0612345678")]
    [InlineData("+3906123456789012")]
    public void A_lead_phone_that_is_not_E164_is_refused(string phone)
    {
        RefusedOnlyFor("phone", Mario with { Phone = phone });
    }

    [Fact]
    public void A_lead_needs_nothing_but_a_phone()
    {
        var lead = AcceptedOne(PhoneOnly("+390612345678"));

        Assert.Equal("+390612345678", lead.Phone);
        Assert.Null(lead.Name);
        Assert.Null(lead.Email);
        Assert.Null(lead.CustomerId);
        Assert.Null(lead.OrderNumber);
    }

    [Fact]
    public void A_lead_name_has_its_whitespace_runs_and_line_ends_collapsed_to_one_space()
    {
        Assert.Equal("Bianchi Luigi Jr", AcceptedOne(Mario with { Name = "Bianchi\r\nLuigi \t Jr" }).Name);
    }

    [Fact]
    public void A_lead_name_of_200_characters_is_accepted_and_201_is_refused()
    {
        Assert.Equal(200, AcceptedOne(Mario with { Name = new string('m', 200) }).Name!.Length);
        RefusedOnlyFor("name", Mario with { Name = new string('m', 201) });
    }

    [Fact]
    public void A_card_number_in_a_lead_name_is_redacted_to_its_last_four_digits()
    {
        Assert.Equal("Mario XXXX XXXX XXXX 1111", AcceptedOne(Mario with { Name = "Mario 4111 1111 1111 1111" }).Name);
    }

    [Fact]
    public void A_card_number_split_across_lines_of_a_lead_name_is_redacted_too()
    {
        Assert.Equal("Mario XXXX XXXX XXXX 1111", AcceptedOne(Mario with { Name = "Mario 4111\n1111\t1111  1111" }).Name);
    }

    [Fact]
    public void The_name_cap_applies_to_the_redacted_name_that_is_stored()
    {
        // 16 digits become 19 characters once redacted.
        RefusedOnlyFor("name", Mario with { Name = new string('m', 184) + "4111111111111111" });
    }

    [Theory]
    [InlineData("mario")]
    [InlineData("mario@example")]
    [InlineData("mario rossi@example.com")]
    public void A_lead_email_that_is_not_an_email_address_is_refused(string email)
    {
        RefusedOnlyFor("email", Mario with { Email = email });
    }

    [Fact]
    public void A_lead_email_holding_a_card_number_is_refused()
    {
        RefusedOnlyFor("email", Mario with { Email = "4111111111111111@example.com" });
    }

    [Fact]
    public void A_lead_without_a_time_zone_takes_the_default_one()
    {
        Assert.Equal("America/New_York", Check([Mario with { TimeZone = null }], "America/New_York").Accepted.Single().TimeZone);
        Assert.Equal("Asia/Tokyo", Check([Mario with { TimeZone = "Asia/Tokyo" }], "America/New_York").Accepted.Single().TimeZone);
    }

    [Theory]
    [InlineData("Mars/Base")]
    [InlineData("+02:00")]
    [InlineData("W. Europe Standard Time")]
    [InlineData("europe/rome")]
    [InlineData("EUROPE/ROME")]
    public void A_lead_time_zone_that_is_not_an_exactly_spelled_IANA_zone_is_refused(string zone)
    {
        RefusedOnlyFor("timeZone", Mario with { TimeZone = zone });
    }

    [Theory]
    [InlineData("id")]
    [InlineData("customerId")]
    [InlineData("orderNumber")]
    public void A_lead_id_customer_id_or_order_number_with_bad_characters_is_refused(string field)
    {
        RefusedOnlyFor(field, With(Mario, field, "lead 7/x"));
    }

    [Theory]
    [InlineData("id")]
    [InlineData("customerId")]
    [InlineData("orderNumber")]
    public void A_lead_id_customer_id_or_order_number_of_64_characters_is_accepted_and_65_is_refused(string field)
    {
        Assert.Equal(new string('a', 64), ValueOf(AcceptedOne(With(Mario, field, new string('a', 64))), field));
        RefusedOnlyFor(field, With(Mario, field, new string('a', 65)));
    }

    [Theory]
    [InlineData("id", "4111111111111111")]
    [InlineData("customerId", "cust-4111-1111-1111-1111")]
    [InlineData("orderNumber", "378282246310005")]
    public void A_lead_id_customer_id_or_order_number_holding_a_card_number_is_refused(string field, string value)
    {
        var message = Assert.Single(RefusedOnlyFor(field, With(Mario, field, value)));
        Assert.Contains("card number", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Every_error_of_a_row_is_reported_at_once()
    {
        var result = Check(new Lead("bad id", new string('n', 201), "123", "nope", "Mars/Base", "bad customer", "bad order"));

        Assert.Equal(
            new[] { "customerId", "email", "id", "name", "orderNumber", "phone", "timeZone" },
            result.Refused.Single().Errors.Keys.Order(StringComparer.Ordinal));
    }

    // ---- check: the id of a lead ----

    [Fact]
    public void A_lead_id_is_the_given_id()
    {
        Assert.Equal("lead-mario", AcceptedOne(Mario).Id);
    }

    [Fact]
    public void A_lead_without_an_id_takes_its_customer_id_as_id()
    {
        Assert.Equal("cust-1", AcceptedOne(Mario with { Id = null }).Id);
    }

    [Fact]
    public void A_lead_without_an_id_or_customer_id_gets_an_id_derived_from_its_phone()
    {
        var lead = AcceptedOne(Mario with { Id = null, CustomerId = null });

        Assert.Equal(LeadImport.IdFromPhone("+390612345678"), lead.Id);
        Assert.Matches(DerivedIdShape(), lead.Id);
    }

    [Fact]
    public void A_derived_lead_id_is_lead_and_20_lowercase_letters_never_a_digit()
    {
        var ids = Enumerable.Range(1, 2000).Select(i => LeadImport.IdFromPhone(Phone(i))).ToList();

        Assert.All(ids, id => Assert.Matches(DerivedIdShape(), id));
        Assert.Equal(ids.Count, ids.Distinct().Count());
    }

    [Fact]
    public void The_same_phone_gets_the_same_derived_id_in_every_import()
    {
        var first = AcceptedOne(PhoneOnly("+390612345678"));
        var again = Check([PhoneOnly("+14155550123"), PhoneOnly("+390612345678")], "America/New_York").Accepted[1];

        Assert.Equal(first.Id, again.Id);
        Assert.Equal("lead-", first.Id![..5]);
        Assert.NotEqual(first.Id, LeadImport.IdFromPhone("+390612345679"));
    }

    [Fact]
    public void A_derived_id_is_taken_from_the_phone_as_stored_trimmed()
    {
        Assert.Equal(LeadImport.IdFromPhone("+390612345678"), AcceptedOne(PhoneOnly(" +390612345678 ")).Id);
    }

    // ---- check: duplicates within a request ----

    [Fact]
    public void A_second_row_with_the_same_phone_is_refused_naming_the_first_row()
    {
        var result = Check(PhoneOnly(Phone(1)), PhoneOnly(Phone(2)), PhoneOnly(Phone(3)), PhoneOnly(Phone(2)));

        Assert.Equal([Phone(1), Phone(2), Phone(3)], result.Accepted.Select(l => l.Phone));
        var refused = Assert.Single(result.Refused);
        Assert.Equal(4, refused.Row);
        Assert.Equal(["phone"], refused.Errors.Keys);
        Assert.StartsWith("duplicates row 2", Assert.Single(refused.Errors["phone"]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_second_row_with_the_same_id_is_refused_naming_the_first_row()
    {
        var result = Check(Mario, Mario with { Phone = Phone(9) });

        var refused = Assert.Single(result.Refused);
        Assert.Equal(2, refused.Row);
        Assert.Equal(["id"], refused.Errors.Keys);
        Assert.Contains("duplicates row 1", Assert.Single(refused.Errors["id"]), StringComparison.Ordinal);
    }

    [Fact]
    public void Two_leads_of_one_customer_without_ids_clash_on_the_id_taken_from_the_customer_id()
    {
        var result = Check(Mario with { Id = null }, Mario with { Id = null, Phone = Phone(9) });

        var refused = Assert.Single(result.Refused);
        Assert.Equal(["id"], refused.Errors.Keys);
        Assert.Equal("'cust-1', taken from customerId, duplicates row 1: each lead needs its own id.", Assert.Single(refused.Errors["id"]));
    }

    [Fact]
    public void Two_leads_of_one_customer_with_their_own_ids_are_both_accepted()
    {
        var result = Check(Mario, Mario with { Id = "lead-mario-office", Phone = Phone(9) });

        Assert.Empty(result.Refused);
        Assert.Equal(2, result.Accepted.Count);
    }

    [Fact]
    public void A_repeated_phone_is_reported_once_on_the_phone_not_again_on_its_derived_id()
    {
        var result = Check(PhoneOnly(Phone(1)), PhoneOnly(Phone(1)));

        Assert.Equal(["phone"], Assert.Single(result.Refused).Errors.Keys);
    }

    [Fact]
    public void A_row_repeating_the_phone_of_one_row_and_the_id_of_another_is_refused_for_both()
    {
        var result = Check(Mario, PhoneOnly(Phone(2)), PhoneOnly(Phone(2)) with { Id = "lead-mario" });

        var refused = Assert.Single(result.Refused);
        Assert.Equal(3, refused.Row);
        Assert.Contains("duplicates row 2", Assert.Single(refused.Errors["phone"]), StringComparison.Ordinal);
        Assert.Contains("duplicates row 1", Assert.Single(refused.Errors["id"]), StringComparison.Ordinal);
    }

    [Fact]
    public void A_refused_row_claims_no_phone_so_a_corrected_copy_after_it_is_accepted()
    {
        var result = Check(Mario with { Email = "nope" }, Mario);

        Assert.Equal(1, Assert.Single(result.Refused).Row);
        Assert.Equal(Mario, Assert.Single(result.Accepted));
    }

    // ---- check: good rows are kept ----

    [Fact]
    public void Bad_rows_are_reported_with_their_row_numbers_while_good_rows_are_kept_in_order()
    {
        var result = Check(
            PhoneOnly(Phone(1)),
            PhoneOnly("not a phone"),
            null,
            PhoneOnly(Phone(4)) with { Email = "nope" },
            PhoneOnly(Phone(5)),
            PhoneOnly(Phone(1)),
            PhoneOnly(Phone(7)));

        Assert.Equal([Phone(1), Phone(5), Phone(7)], result.Accepted.Select(l => l.Phone));
        Assert.Equal([2, 3, 4, 6], result.Refused.Select(r => r.Row));
        Assert.Equal(["phone"], result.Refused[0].Errors.Keys);
        Assert.Equal(["row"], result.Refused[1].Errors.Keys);
        Assert.Equal(["email"], result.Refused[2].Errors.Keys);
        Assert.Equal(["duplicates row 1: a phone number is imported once."], result.Refused[3].Errors["phone"]);
    }

    [Fact]
    public void An_import_whose_every_row_is_bad_reports_every_row_and_accepts_none()
    {
        var result = Check(null, PhoneOnly("123"));

        Assert.Empty(result.Accepted);
        Assert.Equal([1, 2], result.Refused.Select(r => r.Row));
    }

    [Fact]
    public void Csv_row_numbers_count_data_rows_the_header_is_not_a_row()
    {
        const string csv = "\uFEFFphone,name,email\r\n"
            + "+390612345678,\"Rossi, Mario\",mario@example.com\r\n"
            + "+390612345679,Luigi\r\n"
            + "+390612345670,\"Anna\r\nMaria\",nope\r\n"
            + "+390612345671,Carla,carla@example.com\r\n"
            + "+390612345678,Mario again,\r\n";

        var result = Check(LeadImport.ParseCsv(csv), Rome);

        Assert.Equal(["Rossi, Mario", "Carla"], result.Accepted.Select(l => l.Name));
        Assert.All(result.Accepted, l => Assert.Equal(Rome, l.TimeZone));
        Assert.Equal([2, 3, 5], result.Refused.Select(r => r.Row));
        Assert.Equal(["row"], result.Refused[0].Errors.Keys);
        Assert.Equal(["email"], result.Refused[1].Errors.Keys);
        Assert.Equal(["duplicates row 1: a phone number is imported once."], result.Refused[2].Errors["phone"]);
    }

    // ---- check: leads of known customers and orders ----

    private static readonly KnownCustomer Yuki = new("cust-yuki", "Yuki Tanaka", "+81312345678", "yuki@example.jp", "Asia/Tokyo");

    private static readonly OrderCallingFacts YukisOrder = new("2001", "cust-yuki", Deleted: false, AlreadyPaidAt: null);

    private static LeadReferences KnowingYuki(params OrderCallingFacts[] orders) =>
        new(new Dictionary<string, KnownCustomer> { [Yuki.Id] = Yuki }, orders.ToDictionary(o => o.Number));

    [Fact]
    public void A_lead_of_a_known_customer_takes_the_customers_name_phone_email_and_zone_where_the_row_gives_none()
    {
        var lead = LeadImport.Check([new Lead(null, null, null, null, null, "cust-yuki", null)], Rome, KnowingYuki()).Accepted.Single();

        Assert.Equal(new Lead("cust-yuki", "Yuki Tanaka", "+81312345678", "yuki@example.jp", "Asia/Tokyo", "cust-yuki", null), lead);
    }

    [Fact]
    public void A_lead_of_a_known_customer_keeps_what_the_row_says()
    {
        var row = new Lead(null, "Yuki at the office", "+81398765432", "office@example.jp", "Europe/Rome", "cust-yuki", null);

        var lead = LeadImport.Check([row], "America/New_York", KnowingYuki()).Accepted.Single();

        Assert.Equal(row with { Id = "cust-yuki" }, lead);
    }

    [Fact]
    public void A_lead_naming_only_an_order_is_the_lead_of_the_orders_customer()
    {
        var lead = LeadImport.Check([new Lead(null, null, null, null, null, null, "2001")], Rome, KnowingYuki(YukisOrder)).Accepted.Single();

        Assert.Equal(("cust-yuki", "+81312345678", "Asia/Tokyo", "2001"), (lead.CustomerId, lead.Phone, lead.TimeZone, lead.OrderNumber));
        Assert.Equal(LeadImport.IdFromPhone("+81312345678"), lead.Id);
    }

    [Fact]
    public void A_lead_naming_a_customer_that_does_not_exist_is_refused()
    {
        var refused = LeadImport.Check([Mario with { CustomerId = "cust-nobody", OrderNumber = null }], Rome, KnowingYuki()).Refused.Single();

        Assert.Equal(["'cust-nobody' is not a known customer."], refused.Errors["customerId"]);
        Assert.Equal(["customerId"], refused.Errors.Keys);
    }

    [Fact]
    public void A_lead_naming_an_order_that_does_not_exist_or_is_deleted_is_refused()
    {
        var known = KnowingYuki(YukisOrder with { Number = "2002", Deleted = true });
        var rows = new Lead?[] { PhoneOnly(Phone(1)) with { OrderNumber = "2001" }, PhoneOnly(Phone(2)) with { OrderNumber = "2002" } };

        var result = LeadImport.Check(rows, Rome, known);

        Assert.Empty(result.Accepted);
        Assert.Equal(["'2001' is not a known order."], result.Refused[0].Errors["orderNumber"]);
        Assert.Equal(["order 2002 is deleted."], result.Refused[1].Errors["orderNumber"]);
    }

    [Fact]
    public void A_lead_of_an_order_marked_already_paid_is_refused_it_is_never_called_about_again()
    {
        var paid = YukisOrder with { AlreadyPaidAt = new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.Zero) };

        var refused = LeadImport.Check([PhoneOnly(Phone(1)) with { OrderNumber = "2001" }], Rome, KnowingYuki(paid)).Refused.Single();

        Assert.Equal(["order 2001 was marked already paid at 2026-03-02T09:30:00.0000000+00:00: it is never called about again, in any campaign."], refused.Errors["orderNumber"]);
    }

    [Fact]
    public void A_lead_naming_another_customers_order_is_refused()
    {
        var known = new LeadReferences(
            new Dictionary<string, KnownCustomer> { [Yuki.Id] = Yuki, ["cust-2"] = Yuki with { Id = "cust-2" } },
            new Dictionary<string, OrderCallingFacts> { ["2001"] = YukisOrder });

        var refused = LeadImport.Check([PhoneOnly(Phone(1)) with { CustomerId = "cust-2", OrderNumber = "2001" }], Rome, known).Refused.Single();

        Assert.Equal(["order 2001 belongs to customer 'cust-yuki', not 'cust-2'."], refused.Errors["orderNumber"]);
    }

    [Fact]
    public void The_names_to_look_up_are_the_well_formed_customer_ids_and_order_numbers_of_the_rows_trimmed_and_once_each()
    {
        var (customers, orders) = LeadImport.Named(
        [
            Mario with { CustomerId = " cust-1 ", OrderNumber = "1001" },
            Mario with { CustomerId = "cust-1", OrderNumber = "bad order" },
            null,
            PhoneOnly(Phone(1)) with { CustomerId = "4111111111111111", OrderNumber = "1002" },
        ]);

        Assert.Equal(["cust-1"], customers);
        Assert.Equal(["1001", "1002"], orders.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void A_lead_id_of_only_spaces_is_refused_not_taken_as_absent()
    {
        var message = Assert.Single(RefusedOnlyFor("id", With(Mario, "id", "   ")));
        Assert.Contains("blank", message, StringComparison.Ordinal);
    }
}
