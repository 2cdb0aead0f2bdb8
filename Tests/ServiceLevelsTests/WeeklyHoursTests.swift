import ServiceLevels
import Testing

struct WeeklyHoursTests {
    @Test func parsesDaysRangesListsAndSeveralIntervals() throws {
        let hours = try WeeklyHours(parsing: vietnamHours)
        for day in [Weekday.monday, .tuesday, .wednesday, .thursday, .friday] {
            // 08:00 = 480, 12:00 = 720, 13:30 = 810, 17:30 = 1050 minutes.
            #expect(hours.intervals(on: day).map { [$0.start, $0.end] } == [[480, 720], [810, 1050]])
        }
        #expect(hours.intervals(on: .saturday).map { [$0.start, $0.end] } == [[480, 720]])
        #expect(hours.intervals(on: .sunday).isEmpty)
        #expect(!hours.isAlwaysClosed)
    }

    @Test func acceptsListsMidnightAndLooseSpacing() throws {
        let hours = try WeeklyHours(parsing: " Mon , wed 9:00 - 10:00 ;sun 22:00-24:00 ")
        #expect(hours.intervals(on: .monday).map { [$0.start, $0.end] } == [[540, 600]])
        #expect(hours.intervals(on: .wednesday).map { [$0.start, $0.end] } == [[540, 600]])
        #expect(hours.intervals(on: .tuesday).isEmpty)
        #expect(hours.intervals(on: .sunday).map { [$0.start, $0.end] } == [[1320, 1440]])
    }

    @Test func combinesEntriesNamingTheSameDay() throws {
        let nights = try WeeklyHours(parsing: "mon-fri 22:00-24:00; tue-sat 00:00-06:00")
        #expect(nights.intervals(on: .monday).map(\.description) == ["22:00-24:00"])
        #expect(nights.intervals(on: .wednesday).map(\.description) == ["00:00-06:00", "22:00-24:00"])
        #expect(nights.intervals(on: .saturday).map(\.description) == ["00:00-06:00"])
        #expect(nights.intervals(on: .sunday).isEmpty)
    }

    @Test func sortsIntervalsWrittenOutOfOrder() throws {
        let hours = try WeeklyHours(parsing: "tue 13:30-17:30,08:00-12:00")
        #expect(hours.intervals(on: .tuesday).map(\.description) == ["08:00-12:00", "13:30-17:30"])
    }

    @Test func emptyTextIsAClosedWeek() throws {
        let hours = try WeeklyHours(parsing: "  ")
        #expect(hours.isAlwaysClosed)
        #expect(hours.description == "")
    }

    @Test(arguments: [
        vietnamHours,
        "mon-sun 00:00-24:00",
        "mon,wed,fri 09:00-17:00; tue,thu 10:00-12:00",
        "mon 22:00-24:00; tue-fri 00:00-06:00,22:00-24:00; sat 00:00-06:00",
        "sat-sun 07:05-07:10",
    ])
    func canonicalTextPrintsAsItself(text: String) throws {
        #expect(try WeeklyHours(parsing: text).description == text)
    }

    @Test(arguments: [
        "mon-fri 22:00-24:00; tue-sat 00:00-06:00",
        " Mon - Fri 8:00-12:00 , 13:30-17:30 ;sat 08:00-12:00 ",
        "sun 10:00-11:00; mon 10:00-11:00; tue 09:00-10:00",
        "",
    ])
    func descriptionParsesBackToTheSameHours(text: String) throws {
        let hours = try WeeklyHours(parsing: text)
        #expect(try WeeklyHours(parsing: hours.description) == hours)
    }

    @Test func groupsSameHoursAcrossTheWeek() throws {
        // Sunday and Monday share hours; grouping follows the first day, runs become ranges.
        let hours = try WeeklyHours(parsing: "sun 10:00-11:00; mon 10:00-11:00; tue 09:00-10:00")
        #expect(hours.description == "mon,sun 10:00-11:00; tue 09:00-10:00")
    }

    @Test(arguments: [
        (
            "xyz 08:00-12:00", WeeklyHoursFormatError.unknownDay("xyz"),
            "unknown day \"xyz\" (expected mon, tue, wed, thu, fri, sat or sun)"
        ),
        (
            "mon-fry 08:00-12:00", .unknownDay("fry"),
            "unknown day \"fry\" (expected mon, tue, wed, thu, fri, sat or sun)"
        ),
        (
            "mon-fri-sat 08:00-12:00", .unknownDay("mon-fri-sat"),
            "unknown day \"mon-fri-sat\" (expected mon, tue, wed, thu, fri, sat or sun)"
        ),
        ("mon 12:00-08:00", .endsBeforeStart("12:00-08:00"), "12:00-08:00 ends before it starts"),
        ("mon 08:00-08:00", .emptyInterval("08:00-08:00"), "08:00-08:00 is empty"),
        (
            "tue 08:00-12:00,11:00-13:00", .overlappingIntervals(day: .tuesday, first: "08:00-12:00", second: "11:00-13:00"),
            "overlapping intervals on tue: 08:00-12:00 and 11:00-13:00"
        ),
        (
            "mon-fri 11:00-13:00,08:00-12:00", .overlappingIntervals(day: .monday, first: "08:00-12:00", second: "11:00-13:00"),
            "overlapping intervals on mon: 08:00-12:00 and 11:00-13:00"
        ),
        (
            "mon,wed,fri 08:00-12:00; tue-thu 11:30-14:00", .overlappingIntervals(day: .wednesday, first: "08:00-12:00", second: "11:30-14:00"),
            "overlapping intervals on wed: 08:00-12:00 and 11:30-14:00"
        ),
        (
            "sat 08:00-12:00; sat 08:00-12:00", .overlappingIntervals(day: .saturday, first: "08:00-12:00", second: "08:00-12:00"),
            "overlapping intervals on sat: 08:00-12:00 and 08:00-12:00"
        ),
        ("mon-fri,wed 08:00-12:00", .dayGivenTwice(.wednesday), "wed is given twice"),
        ("mon,mon 08:00-09:00", .dayGivenTwice(.monday), "mon is given twice"),
        (
            "fri-mon 08:00-12:00", .backwardDayRange("fri-mon"),
            "day range \"fri-mon\" runs backwards; list the days in week order instead"
        ),
        ("mon 25:00-26:00", .invalidTime("25:00"), "\"25:00\" is not a time from 00:00 to 24:00"),
        ("mon 08:00-24:30", .invalidTime("24:30"), "\"24:30\" is not a time from 00:00 to 24:00"),
        ("mon 08:60-09:00", .invalidTime("08:60"), "\"08:60\" is not a time from 00:00 to 24:00"),
        ("mon 8-12", .invalidTime("8"), "\"8\" is not a time from 00:00 to 24:00"),
        ("mon 08:00", .malformedInterval("08:00"), "\"08:00\" is not an interval such as 08:00-12:00"),
        (
            "mon 08:00-09:00-10:00", .malformedInterval("08:00-09:00-10:00"),
            "\"08:00-09:00-10:00\" is not an interval such as 08:00-12:00"
        ),
        ("mon 08:00-12:00;; sat 08:00-12:00", .emptyEntry(position: 2), "entry 2 is empty"),
        ("mon-fri 08:00-12:00;", .emptyEntry(position: 2), "entry 2 is empty"),
        ("mon-fri 08:00-12:00; sat", .missingHours(entry: "sat"), "\"sat\" gives no hours such as 08:00-12:00"),
        ("08:00-12:00", .missingDays(entry: "08:00-12:00"), "\"08:00-12:00\" does not start with days such as mon-fri"),
    ])
    func rejectsMistakesSayingWhatAndWhere(text: String, error: WeeklyHoursFormatError, message: String) {
        #expect(throws: error) { try WeeklyHours(parsing: text) }
        #expect(error.description == message)
    }
}
