//! The made-up world of the demo: the agency's people and teams, its customers, and the words
//! touchpoints, notes and tasks are made of.

use crate::model::records::{CustomerKind, CustomerStatus};

/// The domain of the demo agency's email addresses.
pub(crate) const AGENCY_DOMAIN: &str = "northwind-agency.example";

/// Someone who works at the agency.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Staff {
    pub handle: &'static str,
    pub name: &'static str,
    pub team: &'static str,
    pub role: &'static str,
}

/// Index of each person in [`STAFF`].
pub(crate) const ALICE: usize = 0;
pub(crate) const BOB: usize = 1;
pub(crate) const CAROL: usize = 2;
pub(crate) const DAVE: usize = 3;
pub(crate) const ERIN: usize = 4;
pub(crate) const FRANK: usize = 5;
pub(crate) const GRACE: usize = 6;

/// The people of the agency; `alice` creates the store.
pub(crate) const STAFF: [Staff; 7] = [
    Staff {
        handle: "alice",
        name: "Alice Martin",
        team: "sales",
        role: "sales",
    },
    Staff {
        handle: "bob",
        name: "Bob Leroy",
        team: "sales",
        role: "sales",
    },
    Staff {
        handle: "carol",
        name: "Carol Nguyen",
        team: "onboarding",
        role: "onboarding",
    },
    Staff {
        handle: "dave",
        name: "Dave Okafor",
        team: "support",
        role: "support",
    },
    Staff {
        handle: "erin",
        name: "Erin Lambert",
        team: "support",
        role: "support",
    },
    Staff {
        handle: "frank",
        name: "Frank Dubois",
        team: "finance",
        role: "finance",
    },
    Staff {
        handle: "grace",
        name: "Grace Moreau",
        team: "sales",
        role: "lead",
    },
];

/// The lead of each team: escalations go to them.
pub(crate) const LEADS: [(&str, &str); 4] = [
    ("sales", "grace"),
    ("onboarding", "carol"),
    ("support", "dave"),
    ("finance", "frank"),
];

/// Teams: name, calendar, description.
pub(crate) const TEAMS: [(&str, &str, &str); 4] = [
    ("sales", "paris", "New business and key accounts"),
    (
        "onboarding",
        "paris",
        "Kickoffs and the first weeks of a new account",
    ),
    (
        "support",
        "paris-support",
        "Day-to-day requests, extended hours",
    ),
    ("finance", "paris", "Invoices, payments and disputes"),
];

/// A customer of the small demo.
#[derive(Debug, Clone, Copy)]
pub(crate) struct CustomerSpec {
    pub name: &'static str,
    pub kind: CustomerKind,
    pub industry: &'static str,
    pub city: &'static str,
    pub status: CustomerStatus,
    pub tags: &'static [&'static str],
    pub tier: Option<&'static str>,
    pub mrr: Option<u32>,
    /// 1 (quiet) to 5 (busy).
    pub activity: u8,
    /// Imported from the trade fair on the `import/leads` branch.
    pub fair: bool,
}

#[allow(clippy::too_many_arguments)]
const fn spec(
    name: &'static str,
    kind: CustomerKind,
    industry: &'static str,
    city: &'static str,
    status: CustomerStatus,
    tags: &'static [&'static str],
    tier: Option<&'static str>,
    mrr: Option<u32>,
    activity: u8,
    fair: bool,
) -> CustomerSpec {
    CustomerSpec {
        name,
        kind,
        industry,
        city,
        status,
        tags,
        tier,
        mrr,
        activity,
        fair,
    }
}

use CustomerKind::{Company as C, Person as P};
use CustomerStatus::{Active as A, Churned as X, Lead as L, Paused as Z};

/// The 36 customers of the small demo.
#[rustfmt::skip]
pub(crate) const CUSTOMERS: [CustomerSpec; 36] = [
    spec("Brightwave Energy", C, "energy", "Lyon", A, &["vip", "b2b", "retainer"], Some("gold"), Some(4800), 5, false),
    spec("Atelier Lumière", C, "design", "Paris", A, &["retainer", "b2b"], Some("silver"), Some(1900), 4, false),
    spec("Cobalt Bikes", C, "retail", "Nantes", A, &["b2c", "ecommerce"], Some("silver"), Some(2200), 3, false),
    spec("Copperleaf Hotels", C, "hospitality", "Nice", A, &["vip", "b2b", "retainer"], Some("gold"), Some(6500), 5, false),
    spec("Harbor Coffee Roasters", C, "food", "Marseille", A, &["ecommerce", "b2c"], Some("bronze"), Some(900), 3, false),
    spec("Helios Solar", C, "energy", "Toulouse", A, &["b2b"], Some("silver"), Some(2600), 3, false),
    spec("Juniper Legal", C, "legal", "Paris", A, &["b2b", "retainer"], Some("silver"), Some(1500), 2, false),
    spec("Lumen Analytics", C, "software", "Paris", A, &["vip", "saas", "b2b"], Some("gold"), Some(5200), 5, false),
    spec("Maison Corbeau", C, "fashion", "Paris", A, &["vip", "ecommerce", "b2c"], Some("gold"), Some(4100), 4, false),
    spec("Meridian Insurance", C, "insurance", "Lille", A, &["b2b"], Some("gold"), Some(3900), 3, false),
    spec("Nimbus Games", C, "games", "Montpellier", A, &["b2c"], Some("silver"), Some(2000), 4, false),
    spec("Northstar Fitness", C, "fitness", "Bordeaux", A, &["b2c"], Some("bronze"), Some(800), 2, false),
    spec("Riverbend Brewery", C, "food", "Strasbourg", A, &["retainer", "b2c"], Some("bronze"), Some(1100), 3, false),
    spec("Saffron Kitchen", C, "restaurants", "Lyon", A, &["b2c"], Some("silver"), Some(1700), 3, false),
    spec("Terra Verde Foods", C, "food", "Rennes", A, &["b2b"], Some("silver"), Some(2400), 3, false),
    spec("Urban Nest Realty", C, "real estate", "Paris", A, &["b2c"], Some("bronze"), Some(700), 2, false),
    spec("Iris Optique", C, "retail", "Grenoble", A, &["b2c", "ecommerce"], Some("bronze"), Some(950), 2, false),
    spec("Léa Fontaine", P, "photography", "Paris", A, &["retainer"], None, Some(450), 2, false),
    spec("Sofia Rossi", P, "consulting", "Annecy", A, &[], None, Some(600), 2, false),
    spec("Yuki Tanaka", P, "architecture", "Bordeaux", A, &["retainer"], None, Some(520), 2, false),
    spec("Zephyr Mobility", C, "transport", "Paris", A, &["b2b", "saas"], Some("silver"), Some(2100), 3, true),
    spec("Dentalia Clinics", C, "health", "Lyon", L, &["b2b"], None, None, 3, false),
    spec("Evergreen Nurseries", C, "retail", "Angers", L, &["b2c"], None, None, 2, false),
    spec("Kestrel Aviation", C, "aviation", "Toulouse", L, &["vip", "b2b"], Some("gold"), None, 3, false),
    spec("Marcus Webb", P, "publishing", "London", L, &[], None, None, 1, false),
    spec("Pelican Pet Supplies", C, "retail", "Tours", L, &["ecommerce"], None, None, 2, true),
    spec("Quartz Jewellery", C, "fashion", "Paris", L, &["ecommerce", "b2c"], None, None, 2, true),
    spec("Yellowfin Seafood", C, "food", "La Rochelle", L, &["b2b"], None, None, 2, true),
    spec("Hannah Becker", P, "media", "Berlin", L, &[], None, None, 1, true),
    spec("Boulangerie Dupain", C, "food", "Dijon", Z, &["b2c"], Some("bronze"), Some(400), 2, false),
    spec("Oakridge Academy", C, "education", "Reims", Z, &["nonprofit"], Some("bronze"), Some(650), 2, false),
    spec("Wildflower Spa", C, "wellness", "Biarritz", Z, &["b2c"], Some("bronze"), Some(800), 2, false),
    spec("Fjord & Fell Outdoor", C, "retail", "Chamonix", X, &["ecommerce"], Some("silver"), Some(1800), 3, false),
    spec("Greenline Transit", C, "transport", "Lille", X, &["b2b"], Some("silver"), Some(2300), 2, false),
    spec("Velvet Records", C, "music", "Paris", X, &["b2c"], Some("bronze"), Some(600), 2, false),
    spec("Tomás García", P, "restaurants", "Bayonne", X, &[], None, Some(350), 2, false),
];

/// Name parts for the customers of large demos.
pub(crate) const NAME_PREFIXES: [&str; 48] = [
    "Acorn",
    "Alder",
    "Amber",
    "Anchor",
    "Apex",
    "Arbor",
    "Aster",
    "Atlas",
    "Aurora",
    "Beacon",
    "Birch",
    "Blue Fern",
    "Bramble",
    "Canopy",
    "Cedar",
    "Cinder",
    "Clover",
    "Coral",
    "Crescent",
    "Crimson",
    "Dune",
    "Ember",
    "Falcon",
    "Fern",
    "Flint",
    "Garnet",
    "Granite",
    "Harbor",
    "Hazel",
    "Heron",
    "Indigo",
    "Ivy",
    "Jade",
    "Juniper",
    "Kite",
    "Lark",
    "Linden",
    "Maple",
    "Marble",
    "Meadow",
    "Nova",
    "Oak",
    "Onyx",
    "Opal",
    "Orchid",
    "Pine",
    "Quill",
    "Raven",
];
pub(crate) const NAME_SUFFIXES: [(&str, &str); 24] = [
    ("Analytics", "software"),
    ("Architects", "architecture"),
    ("Bakery", "food"),
    ("Bikes", "retail"),
    ("Brewing", "food"),
    ("Clinic", "health"),
    ("Consulting", "consulting"),
    ("Cosmetics", "retail"),
    ("Dental", "health"),
    ("Design", "design"),
    ("Energy", "energy"),
    ("Fitness", "fitness"),
    ("Foods", "food"),
    ("Gallery", "art"),
    ("Hotels", "hospitality"),
    ("Insurance", "insurance"),
    ("Labs", "software"),
    ("Legal", "legal"),
    ("Logistics", "transport"),
    ("Media", "media"),
    ("Motors", "automotive"),
    ("Outfitters", "retail"),
    ("Realty", "real estate"),
    ("Studios", "media"),
];
pub(crate) const CITIES: [&str; 16] = [
    "Paris",
    "Lyon",
    "Marseille",
    "Toulouse",
    "Nice",
    "Nantes",
    "Strasbourg",
    "Montpellier",
    "Bordeaux",
    "Lille",
    "Rennes",
    "Reims",
    "Grenoble",
    "Dijon",
    "Angers",
    "Brussels",
];

pub(crate) const FIRST_NAMES: [&str; 32] = [
    "Camille", "Hugo", "Chloé", "Lucas", "Manon", "Louis", "Inès", "Jules", "Sarah", "Adam",
    "Emma", "Nathan", "Zoé", "Théo", "Jade", "Raphaël", "Anna", "Mehdi", "Clara", "Paul", "Amira",
    "Victor", "Lina", "Oscar", "Nora", "Samuel", "Elise", "Karim", "Julia", "Tom", "Maya",
    "Arthur",
];
pub(crate) const LAST_NAMES: [&str; 32] = [
    "Bernard",
    "Petit",
    "Durand",
    "Moreau",
    "Laurent",
    "Simon",
    "Michel",
    "Lefebvre",
    "Garcia",
    "David",
    "Bertrand",
    "Roux",
    "Vincent",
    "Fournier",
    "Morel",
    "Girard",
    "André",
    "Mercier",
    "Blanc",
    "Guérin",
    "Boyer",
    "Garnier",
    "Chevalier",
    "Faure",
    "Rousseau",
    "Fontaine",
    "Lambert",
    "Bonnet",
    "Henry",
    "Perrin",
    "Masson",
    "Marchand",
];
pub(crate) const CONTACT_ROLES: [&str; 8] = [
    "CEO",
    "Marketing lead",
    "Office manager",
    "CTO",
    "Head of sales",
    "Accountant",
    "Brand manager",
    "Founder",
];

/// Something a thread is about: its subject, how the customer asks, how we answer.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Topic {
    pub subject: &'static str,
    pub ask: &'static str,
    pub answer: &'static str,
    pub tag: Option<&'static str>,
}

const fn topic(
    subject: &'static str,
    ask: &'static str,
    answer: &'static str,
    tag: Option<&'static str>,
) -> Topic {
    Topic {
        subject,
        ask,
        answer,
        tag,
    }
}

#[rustfmt::skip]
pub(crate) const TOPICS: [Topic; 28] = [
    topic("the homepage redesign", "Feedback on the homepage mockups", "Sent revised homepage mockups (v3)", None),
    topic("the latest invoice", "Question about the latest invoice", "Explained the invoice lines and sent a corrected PDF", Some("billing")),
    topic("next week's newsletter", "Wants a promo block in next week's newsletter", "Added the promo block and shared a preview", None),
    topic("the contact form", "Contact form on the website returns an error", "Fixed the contact form (expired SMTP credentials)", Some("bug")),
    topic("the social media calendar", "Asks for next month's social media calendar", "Shared the draft social media calendar", None),
    topic("the ad campaign", "Ad campaign performance looks low", "Sent the campaign report with new targeting options", None),
    topic("the logo files", "Needs the logo in vector format", "Sent the logo pack (SVG, PDF, PNG)", None),
    topic("the photo shoot", "Asks to move the photo shoot", "Rescheduled the photo shoot", None),
    topic("the SEO report", "Questions on the monthly SEO report", "Walked through the SEO report", None),
    topic("the contract renewal", "Contract renewal: wants a quote", "Sent the renewal quote", Some("renewal")),
    topic("dashboard access", "Lost access to the analytics dashboard", "Restored dashboard access", Some("bug")),
    topic("the landing page copy", "Copy changes on the landing page", "Updated the landing page copy", None),
    topic("the checkout errors", "Customers report errors at checkout", "Rolled back the plugin update; checkout works again", Some("urgent")),
    topic("the hosting migration", "When is the hosting migration?", "Confirmed the migration window", None),
    topic("the brand guidelines", "Brand guidelines for their new team", "Sent the brand guidelines PDF", None),
    topic("the product video", "Second round of edits on the product video", "Delivered the re-edited product video", None),
    topic("a payment reminder", "Received a payment reminder by mistake", "Cancelled the reminder and apologised", Some("billing")),
    topic("the press release", "Needs a press release for the launch", "Sent the press release draft", None),
    topic("the trade show booth", "Booth design for the trade show", "Shared three booth design options", None),
    topic("newsletter deliverability", "Newsletters are landing in spam", "Fixed the SPF and DKIM records", Some("bug")),
    topic("the kickoff", "Questions before the kickoff", "Answered the kickoff questions and sent the agenda", None),
    topic("the campaign results", "Very happy with the campaign results", "Thanked them and asked for a testimonial", Some("feedback")),
    topic("the delayed deliverables", "Unhappy with the delay on deliverables", "Apologised and committed to a new delivery date", Some("escalation")),
    topic("the cookie banner", "Cookie banner compliance question", "Explained the consent settings and updated the banner", None),
    topic("the German translation", "Website translation into German", "Sent the translated pages for review", None),
    topic("the flyer reprint", "Flyers were printed in the wrong colour", "Ordered a reprint at our cost", Some("urgent")),
    topic("CMS accounts", "A new employee needs CMS access", "Created the CMS account", None),
    topic("the quarterly report", "Asks when the quarterly report is due", "Sent the quarterly report", None),
];

/// Topics of a prospect (status lead).
#[rustfmt::skip]
pub(crate) const LEAD_TOPICS: [Topic; 6] = [
    topic("a quote for a new website", "Asks for a quote for a new website", "Sent a quote and a timeline", None),
    topic("pricing", "Asks about retainer pricing", "Sent the pricing sheet", None),
    topic("our portfolio", "Wants to see similar projects", "Sent three case studies", None),
    topic("a first meeting", "Would like to meet the team", "Booked a discovery meeting", None),
    topic("a rebranding project", "Planning a rebranding next quarter", "Sent a proposal outline", None),
    topic("an e-commerce launch", "Launching an online shop, needs help", "Sent an e-commerce package proposal", None),
];

pub(crate) const FOLLOW_UPS: [&str; 6] = [
    "Follow-up on {s}",
    "{c} sends more details about {s}",
    "Reminder: still waiting on {s}",
    "{c} asks for a status on {s}",
    "{c} has more questions on {s}",
    "{c} confirms the changes to {s}",
];
pub(crate) const REOPENS: [&str; 3] = [
    "{s}: the problem is back",
    "{c} reopens {s}",
    "{c} is not satisfied with {s} after all",
];
pub(crate) const PROGRESS: [&str; 5] = [
    "Asked {c} for more details on {s}",
    "Working on {s}; sent an update",
    "Shared a first draft for {s}",
    "Acknowledged {s}, fix planned for tomorrow",
    "Called {c} back about {s}",
];
pub(crate) const CLOSERS: [&str; 3] = [
    "Closed {s} after {c} confirmed",
    "Wrapped up {s}",
    "Confirmed {s} is done",
];
pub(crate) const PROACTIVE: [&str; 6] = [
    "Checked in with {c} about {s}",
    "Sent {c} a proposal on {s}",
    "Shared ideas for {s}",
    "Reminded {c} about {s}",
    "Sent {c} the monthly update, including {s}",
    "Asked {c} for feedback on {s}",
];
pub(crate) const MEETINGS: [&str; 4] = [
    "Meeting with {c}: {s}",
    "Quarterly business review with {c}",
    "Workshop with {c} on {s}",
    "Video call with {c} about {s}",
];
pub(crate) const INTERNAL: [&str; 4] = [
    "Internal: prep for the call about {s}",
    "Internal sync on {s}",
    "Internal: escalated {s} to {h}",
    "Internal: agreed next steps on {s}",
];
pub(crate) const AUTOMATED: [&str; 4] = [
    "Automated: monthly performance report sent",
    "Automated: invoice sent",
    "Automated: satisfaction survey sent",
    "Automated: newsletter proof sent",
];
pub(crate) const AUTO_ACK: &str = "Auto-reply: request received, we answer within 4 business hours";

pub(crate) const NOTES: [&str; 10] = [
    "Spoke with {c} about {s}. @{h} can you prepare the numbers before Friday?",
    "{c} prefers WhatsApp for quick questions and email for anything with attachments.",
    "Heads-up @{h}: {c} mentioned budget cuts for next quarter.",
    "Renewal is due in a few weeks. @{h} please join the next call.",
    "Great feedback on {s}; worth asking for a case study. cc @{h}",
    "{c} asked for a single point of contact. Keeping it simple: everything goes through the owner.",
    "Reminder for @{h}: {c} is travelling next week, expect slow answers.",
    "Competitor pitched them last month. @{h} let's prepare a stronger offer on {s}.",
    "Weekly check: {s} is on track, no blockers.",
    "@{h} @{h2} short sync tomorrow on {s}?",
];
pub(crate) const BILLING_NOTES: [&str; 2] = [
    "Invoice is 30 days overdue. @frank can you follow up?",
    "Agreed a 10% discount on the next invoice because of the delay. @frank FYI.",
];
pub(crate) const PRIVATE_NOTES: [&str; 2] = [
    "{c} just came back from parental leave; be gentle with deadlines this month.",
    "{c} told me in confidence they may change jobs soon. Keep {c2} in the loop.",
];

pub(crate) const TASKS: [&str; 10] = [
    "Follow up on {s}",
    "Send {c} the revised proposal",
    "Prepare the quarterly report",
    "Book a review meeting with {c}",
    "Check analytics after the campaign",
    "Update the project plan for {s}",
    "Collect feedback from {c}",
    "Send {c} the meeting notes",
    "Renewal call with {c}",
    "Draft the case study",
];

/// Tasks on a prospect (status lead).
pub(crate) const LEAD_TASKS: [&str; 5] = [
    "Send {c} the proposal",
    "Book a discovery call with {c}",
    "Follow up on {s}",
    "Prepare a quote for {s}",
    "Send {c} our case studies",
];
