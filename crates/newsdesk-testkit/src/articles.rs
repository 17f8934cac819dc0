//! Invented articles: two stories told by three outlets each, written for
//! these tests. (A third story, the Valmora dock strike, is read from the
//! repository's `examples/harbor-strike`.)

/// One invented article.
pub struct Invented {
    pub outlet: &'static str,
    pub slug: &'static str,
    pub title: &'static str,
    /// RFC 3339.
    pub published: &'static str,
    pub author: &'static str,
    pub paragraphs: &'static [&'static str],
}

pub const BRIDGE: &[Invented] = &[
    Invented {
        outlet: "courier",
        slug: "ridgeway-bridge-closed",
        title: "Ridgeway Bridge closed after inspectors find cracks in main girder",
        published: "2026-03-10T08:30:00Z",
        author: "Imogen Hartley",
        paragraphs: &[
            "The Ridgeway Bridge in Marlow Falls was closed to all traffic on Monday after inspectors found cracks in one of its main steel girders, city officials said.",
            "The crossing carries about 38,000 vehicles a day over the Tennel River and links the town centre with the northern suburbs of Ashby and Cole Green.",
            "\"We are not going to take any chances with public safety,\" said Mayor Ruth Okafor at a news conference outside city hall. \"The bridge stays shut until engineers tell us it is sound.\"",
            "The cracks were found during a routine underwater and structural inspection that began last week, according to the city's transport department.",
            "Diversions via the Eastgate crossing added up to forty minutes to commutes on Monday morning, and buses were rerouted through the industrial estate.",
            "The city engineer, Tomasz Wieczorek, said a full assessment would take at least three weeks and that a temporary steel brace might allow a partial reopening for pedestrians.",
            "The council will hold an emergency meeting on Thursday to discuss funding for repairs.",
        ],
    },
    Invented {
        outlet: "ledger",
        slug: "marlow-falls-bridge-shut",
        title: "Marlow Falls shuts Ridgeway Bridge as girder cracks raise alarm",
        published: "2026-03-10T11:05:00Z",
        author: "Daniel Asante",
        paragraphs: &[
            "Engineers discovered cracks in a main girder of the Ridgeway Bridge, prompting Marlow Falls to close the river crossing indefinitely on Monday.",
            "City engineer Tomasz Wieczorek told reporters the defects were found on the underside of the central span during an inspection of the 1968 structure.",
            "Mayor Ruth Okafor said the closure was a precaution and that the city would publish the inspection report once it had been reviewed.",
            "Commuters faced long queues at the Eastgate crossing, the only other road bridge over the Tennel River within ten miles.",
            "Local businesses on the northern bank warned that a long closure would cut off customers, and the chamber of commerce asked for free park-and-ride buses.",
            "Repairs to the Ridgeway Bridge had been postponed twice since 2021 because of budget shortfalls, council records show.",
        ],
    },
    Invented {
        outlet: "wire",
        slug: "bridge-closure-commuters",
        title: "Commuters face long detours after Ridgeway Bridge closure",
        published: "2026-03-11T07:45:00Z",
        author: "Priya Raman",
        paragraphs: &[
            "Commuters in Marlow Falls faced a second day of long detours on Tuesday after the Ridgeway Bridge was closed when inspectors found cracks in a main girder.",
            "Traffic on the Eastgate crossing backed up for more than two miles during the morning rush hour, and several schools on the northern bank delayed their opening.",
            "Mayor Ruth Okafor asked employers to let staff work from home where possible while engineers assess the damage to the bridge.",
            "\"Three weeks is our best estimate for a full assessment,\" city engineer Tomasz Wieczorek said. \"A temporary brace could let us reopen a footpath sooner.\"",
            "Councillors will meet on Thursday to decide how to pay for repairs, which early estimates put at between 12 and 20 million pounds.",
        ],
    },
];

pub const WILDFIRE: &[Invented] = &[
    Invented {
        outlet: "courier",
        slug: "pine-hollow-wildfire-evacuation",
        title: "Wildfire forces evacuation of Pine Hollow valley",
        published: "2026-07-21T06:15:00Z",
        author: "Imogen Hartley",
        paragraphs: &[
            "About 4,000 residents of the Pine Hollow valley were ordered to leave their homes overnight as a wildfire driven by strong winds spread across dry forest, the county fire service said.",
            "The blaze started on Sunday afternoon near the Granger Ridge trailhead and had burned roughly 2,300 hectares by dawn on Monday.",
            "Fire chief Marisol Vega said crews were trying to hold the fire line along Route 9 to protect the village of Ellery.",
            "\"The wind is our biggest enemy tonight,\" Vega said. \"If it shifts to the south, the fire could reach Ellery within hours.\"",
            "Evacuation centres opened at Ellery High School and the county fairground, where volunteers handed out water and blankets.",
            "Three water-bombing aircraft and more than 200 firefighters were deployed, with reinforcements expected from neighbouring counties.",
        ],
    },
    Invented {
        outlet: "ledger",
        slug: "granger-ridge-fire-spreads",
        title: "Granger Ridge fire spreads as 4,000 flee Pine Hollow",
        published: "2026-07-21T09:40:00Z",
        author: "Daniel Asante",
        paragraphs: &[
            "A fast-moving wildfire that began near the Granger Ridge trailhead has forced some 4,000 people out of the Pine Hollow valley, officials said on Monday.",
            "County fire chief Marisol Vega said the fire had grown to about 2,300 hectares overnight, pushed by gusts of up to 70 kilometres an hour.",
            "Firefighters were concentrating on a defensive line along Route 9, the last road between the flames and the village of Ellery.",
            "Governor Alan Brody declared a state of emergency for the county, freeing state funds and National Guard support for the firefighting effort.",
            "The cause of the fire is under investigation; a ban on campfires had been in force across the valley since early July.",
        ],
    },
    Invented {
        outlet: "wire",
        slug: "ellery-fire-line-holds",
        title: "Fire line holds near Ellery as winds ease over Pine Hollow",
        published: "2026-07-22T05:30:00Z",
        author: "Priya Raman",
        paragraphs: &[
            "Firefighters held the line along Route 9 overnight, keeping the Granger Ridge wildfire away from the village of Ellery as winds eased on Tuesday.",
            "The fire has burned about 2,800 hectares of forest in the Pine Hollow valley, and roughly 4,000 evacuated residents remain in shelters.",
            "Fire chief Marisol Vega said the fire was 15 per cent contained and warned that rising temperatures later in the week could fan it again.",
            "Governor Alan Brody, who declared a state of emergency on Monday, toured the evacuation centre at the county fairground.",
            "Officials said residents would not be allowed to return home before the weekend at the earliest.",
        ],
    },
];

/// An article of the bridge story written in Windows-1252, served with no
/// charset anywhere: its curly quotes, accents and euro sign must survive.
pub const LEGACY_BRIDGE: Invented = Invented {
    outlet: "gazette",
    slug: "ridgeway-cracks-cost",
    title: "Ridgeway Bridge repair bill could reach \u{20ac}23 million, council hears",
    published: "2026-03-11T16:20:00Z",
    author: "Zoë Lefèvre",
    paragraphs: &[
        "Repairing the cracked girder of the Ridgeway Bridge in Marlow Falls could cost as much as \u{20ac}23 million, the city\u{2019}s finance officer told councillors on Wednesday.",
        "The bridge, closed since Monday after inspectors found cracks in a main girder, remains shut to cars and pedestrians while city engineer Tomasz Wieczorek completes his assessment.",
        "\u{201c}We have a reserve for emergencies, but not one of this size,\u{201d} the finance officer, Renée Daubigny, said.",
        "Mayor Ruth Okafor said the city would ask the regional government for help with the cost of repairs to the Tennel River crossing.",
        "The council\u{2019}s emergency meeting on Thursday is expected to approve a first payment for a temporary brace.",
    ],
};
