package io.cdp.datagen;

import java.util.List;

/**
 * Small bundled word lists for fake personal data, written for this project (no third-party data): common
 * US first and last names, street names, and home cities with their state, zip prefix and coordinates.
 */
final class Vocabulary {

    private Vocabulary() {
    }

    static final String[] FIRST = {"James", "Mary", "Robert", "Patricia", "John", "Jennifer", "Michael", "Linda", "David",
            "Elizabeth", "William", "Barbara", "Richard", "Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen",
            "Christopher", "Lisa", "Daniel", "Nancy", "Matthew", "Betty", "Anthony", "Margaret", "Mark", "Sandra", "Donald",
            "Ashley", "Steven", "Kimberly", "Paul", "Emily", "Andrew", "Donna", "Joshua", "Michelle", "Kenneth", "Carol",
            "Kevin", "Amanda", "Brian", "Dorothy", "George", "Melissa", "Timothy", "Deborah", "Ronald", "Stephanie", "Jason",
            "Rebecca", "Edward", "Sharon", "Jeffrey", "Laura", "Ryan", "Cynthia", "Jacob", "Kathleen", "Gary", "Amy",
            "Nicholas", "Angela", "Eric", "Shirley", "Jonathan", "Anna", "Stephen", "Brenda", "Larry", "Pamela", "Justin",
            "Emma", "Scott", "Nicole", "Brandon", "Helen", "Benjamin", "Samantha", "Samuel", "Katherine", "Gregory", "Christine",
            "Alexander", "Debra", "Frank", "Rachel", "Patrick", "Carolyn", "Raymond", "Janet", "Jack", "Catherine", "Dennis",
            "Maria", "Jerry", "Heather", "Tyler", "Diane", "Aaron", "Ruth", "Jose", "Julie", "Adam", "Olivia", "Nathan",
            "Joyce", "Henry", "Virginia", "Douglas", "Victoria", "Zachary", "Kelly", "Peter", "Lauren", "Kyle", "Christina",
            "Ethan", "Joan", "Walter", "Evelyn", "Noah", "Judith", "Jeremy", "Megan", "Christian", "Andrea", "Keith", "Cheryl",
            "Roger", "Hannah", "Terry", "Jacqueline", "Gerald", "Martha", "Harold", "Gloria", "Sean", "Teresa", "Austin", "Ann",
            "Carl", "Sara", "Arthur", "Madison", "Lawrence", "Frances", "Dylan", "Kathryn", "Jesse", "Janice", "Jordan", "Jean",
            "Bryan", "Abigail", "Billy", "Alice", "Joe", "Judy", "Bruce", "Sophia", "Gabriel", "Grace", "Logan", "Denise",
            "Albert", "Amber", "Willie", "Doris", "Alan", "Marilyn", "Juan", "Danielle", "Wayne", "Beverly", "Elijah", "Isabella",
            "Randy", "Theresa", "Roy", "Diana", "Vincent", "Natalie", "Ralph", "Brittany", "Eugene", "Charlotte", "Russell",
            "Marie", "Bobby", "Kayla", "Mason", "Alexis", "Philip", "Lori", "Louis", "Hazel", "Sasha", "Mei", "Arjun", "Priya"};

    static final String[] LAST = {"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez",
            "Martinez", "Hernandez", "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin",
            "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young",
            "Allen", "King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall",
            "Rivera", "Campbell", "Mitchell", "Carter", "Roberts", "Gomez", "Phillips", "Evans", "Turner", "Diaz", "Parker",
            "Cruz", "Edwards", "Collins", "Reyes", "Stewart", "Morris", "Morales", "Murphy", "Cook", "Rogers", "Gutierrez",
            "Ortiz", "Morgan", "Cooper", "Peterson", "Bailey", "Reed", "Kelly", "Howard", "Ramos", "Kim", "Cox", "Ward",
            "Richardson", "Watson", "Brooks", "Chavez", "Wood", "James", "Bennett", "Gray", "Mendoza", "Ruiz", "Hughes", "Price",
            "Alvarez", "Castillo", "Sanders", "Patel", "Myers", "Long", "Ross", "Foster", "Jimenez", "Powell", "Jenkins", "Perry",
            "Russell", "Sullivan", "Bell", "Coleman", "Butler", "Henderson", "Barnes", "Gonzales", "Fisher", "Vasquez", "Simmons",
            "Romero", "Jordan", "Patterson", "Alexander", "Hamilton", "Graham", "Reynolds", "Griffin", "Wallace", "Moreno", "West",
            "Cole", "Hayes", "Bryant", "Herrera", "Gibson", "Ellis", "Tran", "Medina", "Aguilar", "Stevens", "Murray", "Ford",
            "Castro", "Marshall", "Owens", "Harrison", "Fernandez", "McDonald", "Woods", "Washington", "Kennedy", "Wells",
            "Vargas", "Henry", "Chen", "Freeman", "Webb", "Tucker", "Guzman", "Burns", "Crawford", "Olson", "Simpson", "Porter",
            "Hunter", "Gordon", "Mendez", "Silva", "Shaw", "Snyder", "Mason", "Dixon", "Munoz", "Hunt", "Hicks", "Holmes", "Palmer",
            "Wagner", "Black", "Robertson", "Boyd", "Rose", "Stone", "Salazar", "Fox", "Warren", "Mills", "Meyer", "Rice",
            "Schmidt", "Garza", "Daniels", "Ferguson", "Nichols", "Stephens", "Soto", "Weaver", "Ryan", "Gardner", "Payne", "Grant",
            "Dunn", "Kelley", "Spencer", "Hawkins", "Arnold", "Pierce", "Vazquez", "Hansen", "Peters", "Santos", "Hart", "Bradley",
            "Knight", "Elliott", "Cunningham", "Duncan", "Armstrong", "Hudson", "Carroll", "Lane", "Riley", "Andrews", "Sadr"};

    static final String[] STREET = {"Oak", "Maple", "Pine", "Cedar", "Elm", "Washington", "Lake", "Hill", "Park", "Main",
            "Walnut", "Sunset", "Lincoln", "Jackson", "Highland", "Church", "Willow", "Meadow", "River", "Forest", "Spring",
            "Ridge", "Valley", "Cherry", "Chestnut", "Madison", "Franklin", "Jefferson", "Birch", "Rose", "Federal", "Adams",
            "Hickory", "Magnolia", "Dogwood", "Sycamore", "Aspen", "Poplar", "Laurel", "Juniper", "Cypress", "Spruce", "Harbor",
            "Mill", "Center", "Union", "Broad", "Market", "Prospect", "Summit"};

    static final String[] STREET_SUFFIX = {"Street", "Avenue", "Lane", "Boulevard", "Drive", "Road", "Court", "Way", "Place"};

    record City(String name, String state, int zipBase, double lat, double lon) {
    }

    static final List<City> CITIES = List.of(
            new City("La Verne", "CA", 91750, 34.10, -117.77), new City("Monterey Park", "CA", 91754, 34.06, -118.12),
            new City("San Diego", "CA", 92101, 32.72, -117.16), new City("Fresno", "CA", 93701, 36.74, -119.79),
            new City("Houston", "TX", 77002, 29.76, -95.37), new City("Austin", "TX", 78701, 30.27, -97.74),
            new City("Dallas", "TX", 75201, 32.78, -96.80), new City("Miami", "FL", 33101, 25.76, -80.19),
            new City("Orlando", "FL", 32801, 28.54, -81.38), new City("Brooklyn", "NY", 11201, 40.69, -73.99),
            new City("Little Neck", "NY", 11363, 40.76, -73.74), new City("Buffalo", "NY", 14201, 42.89, -78.88),
            new City("Chicago", "IL", 60601, 41.88, -87.63), new City("Columbus", "OH", 43201, 39.96, -83.00),
            new City("Seattle", "WA", 98101, 47.61, -122.33), new City("Denver", "CO", 80202, 39.74, -104.99),
            new City("Phoenix", "AZ", 85001, 33.45, -112.07), new City("Atlanta", "GA", 30301, 33.75, -84.39),
            new City("Boston", "MA", 2108, 42.36, -71.06), new City("Newark", "NJ", 7102, 40.74, -74.17),
            new City("Charlotte", "NC", 28202, 35.23, -80.84), new City("Detroit", "MI", 48201, 42.33, -83.05),
            new City("Nashville", "TN", 37201, 36.16, -86.78), new City("Portland", "OR", 97201, 45.52, -122.68));

    static final String[] COUNTRIES = {"Italy", "Mexico", "Canada", "France", "Japan", "Germany", "Brazil", "Nigeria",
            "Netherlands", "Philippines"};

    /** MCC, share of spend events, typical amount (median), spread, and whether it is usually card-not-present. */
    record Category(int mcc, double weight, double median, double spread, boolean online) {
    }

    static final List<Category> CATEGORIES = List.of(
            new Category(5411, 0.22, 45, 0.7, false),   // grocery stores
            new Category(5812, 0.10, 38, 0.6, false),   // restaurants
            new Category(5814, 0.12, 11, 0.5, false),   // fast food
            new Category(5541, 0.10, 40, 0.4, false),   // service stations
            new Category(5912, 0.05, 25, 0.7, false),   // drug stores
            new Category(5311, 0.06, 70, 0.8, false),   // department stores
            new Category(5300, 0.05, 90, 0.8, false),   // wholesale clubs
            new Category(4829, 0.03, 150, 0.9, false),  // money transfer
            new Category(5942, 0.03, 30, 0.6, false),   // book stores
            new Category(4814, 0.05, 60, 0.4, true),    // telecom
            new Category(5815, 0.06, 12, 0.6, true),    // digital goods
            new Category(4121, 0.05, 22, 0.6, false),   // taxis and rideshare
            new Category(5732, 0.03, 180, 0.9, true),   // electronics
            new Category(7011, 0.02, 220, 0.7, false),  // hotels
            new Category(4900, 0.03, 110, 0.5, true));  // utilities
}
