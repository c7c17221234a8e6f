// SPDX-License-Identifier: MIT
#include "demo/DemoData_p.h"

#include "core/TextFold.h"

#include <QSet>

#include <initializer_list>

namespace Colleagues::Demo {

namespace {

using Names = std::initializer_list<const char *>;

QStringList strings(Names items)
{
    QStringList out;
    out.reserve(qsizetype(items.size()));
    for (const char *item : items)
        out.append(QString::fromUtf8(item));
    return out;
}

QString slugOf(const QString &latin)
{
    QString slug;
    for (const QChar c : foldText(latin)) {
        if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9'))
            slug.append(c);
    }
    return slug;
}

// "display" or "display|latin"; with \a female, also "male/female" on either side.
void addNames(QList<NamePart> &male, QList<NamePart> *female, Names items)
{
    for (const char *item : items) {
        const QString text = QString::fromUtf8(item);
        const QString display = text.section(QLatin1Char('|'), 0, 0);
        const QString latin = text.contains(QLatin1Char('|')) ? text.section(QLatin1Char('|'), 1) : display;
        const QString maleDisplay = display.section(QLatin1Char('/'), 0, 0);
        const QString maleLatin = latin.section(QLatin1Char('/'), 0, 0);
        male.append({maleDisplay, maleLatin, slugOf(maleLatin)});
        if (female) {
            const QString femaleDisplay =
                display.contains(QLatin1Char('/')) ? display.section(QLatin1Char('/'), 1) : maleDisplay;
            const QString femaleLatin =
                latin.contains(QLatin1Char('/')) ? latin.section(QLatin1Char('/'), 1) : maleLatin;
            female->append({femaleDisplay, femaleLatin, slugOf(femaleLatin)});
        }
    }
}

Culture culture(const char *id, Names female, Names male, Names family, Names languages)
{
    Culture c;
    c.id = QString::fromUtf8(id);
    addNames(c.female, nullptr, female);
    addNames(c.male, nullptr, male);
    addNames(c.family, &c.familyFemale, family);
    c.languages = strings(languages);
    return c;
}

enum CultureId {
    English,
    Irish,
    German,
    French,
    Spanish,
    Mexican,
    Portuguese,
    Italian,
    Polish,
    Swedish,
    Danish,
    Japanese,
    Korean,
    Chinese,
    Indian,
    Russian,
    Ukrainian,
    Arabic,
    Turkish,
    Nigerian,
    Kenyan,
};

QList<Culture> makeCultures()
{
    QList<Culture> list;
    list.append(
        culture("en", {"Emma",  "Olivia", "Sophia", "Ava",     "Harper",  "Charlotte", "Amelia", "Mia",
                       "Chloe", "Hannah", "Emily",  "Abigail", "Madison", "Ruby",      "Isla",   "Evelyn",
                       "Zoë",   "Naomi",  "Rachel", "Megan",   "Lauren",  "Beth"},
                {"Liam", "Noah",  "James",  "Mason", "Ethan", "Jack",  "Oliver", "Lucas",  "Henry",  "Daniel", "Samuel",
                 "Owen", "Caleb", "Nathan", "Ryan",  "Tyler", "Aaron", "Connor", "Marcus", "Elliot", "George", "Harry"},
                {"Smith",    "Johnson",  "Williams", "Brown",  "Jones",   "Miller",   "Davis",   "Wilson",
                 "Taylor",   "Clark",    "Walker",   "Hall",   "Young",   "King",     "Wright",  "Scott",
                 "Green",    "Baker",    "Adams",    "Nelson", "Carter",  "Mitchell", "Roberts", "Turner",
                 "Phillips", "Campbell", "Parker",   "Evans",  "Edwards", "Collins",  "Bennett", "Hughes"},
                {"English"}));
    list.append(culture(
        "ga",
        {"Aoife", "Siobhán", "Niamh", "Róisín", "Saoirse", "Éabha", "Orla", "Clodagh", "Caoimhe", "Sinéad", "Gráinne",
         "Méabh"},
        {"Seán", "Ciarán", "Oisín", "Pádraig", "Cian", "Darragh", "Tadhg", "Eoin", "Cathal", "Ronan", "Colm", "Fionn"},
        {"Murphy", "Kelly", "O'Sullivan", "Walsh", "O'Brien", "Byrne", "Ryan", "O'Connor", "McCarthy", "Doyle",
         "Gallagher", "Ó Briain", "Ní Dhomhnaill", "Kavanagh", "Brennan", "Quinn", "Fitzgerald", "Nolan"},
        {"English", "Irish"}));
    list.append(culture("de",
                        {"Lena", "Anna", "Leonie", "Sophie", "Marie", "Käthe", "Zoë", "Katharina", "Johanna", "Greta",
                         "Franziska", "Jana", "Lea", "Mareike", "Annika", "Birgit", "Jördis"},
                        {"Jonas", "Lukas", "Felix", "Maximilian", "Paul", "Jürgen", "Jörg", "Björn", "Günther",
                         "Matthias", "Tobias", "Florian", "Moritz", "Niklas", "Sebastian", "Timo", "Malte"},
                        {"Müller",   "Schmidt",  "Schneider", "Fischer",    "Weber",  "Meyer",    "Wagner", "Becker",
                         "Schulz",   "Hoffmann", "Schäfer",   "Koch",       "Bauer",  "Richter",  "Klein",  "Wolf",
                         "Schröder", "Neumann",  "Schwarz",   "Zimmermann", "Krüger", "Hartmann", "Lange",  "Weiß",
                         "Groß",     "Köhler",   "Böhm",      "Vogel",      "Jäger",  "Brandt"},
                        {"German"}));
    list.append(culture("fr",
                        {"Chloé", "Léa", "Manon", "Camille", "Inès", "Zoé", "Élodie", "Anaïs", "Océane", "Hélène",
                         "Cécile", "Margaux", "Juliette", "Amélie", "Mathilde", "Noémie"},
                        {"Hugo", "Louis", "Gabriel", "Théo", "Mathéo", "Noé", "Jérôme", "François", "Benoît", "Antoine",
                         "Julien", "Maxime", "Étienne", "Baptiste", "Rémi", "Loïc"},
                        {"Martin", "Bernard", "Dubois",    "Thomas",   "Robert",   "Richard", "Petit",    "Durand",
                         "Leroy",  "Moreau",  "Simon",     "Laurent",  "Lefèvre",  "Michel",  "Fournier", "Girard",
                         "Bonnet", "Dupont",  "Lambert",   "Fontaine", "Rousseau", "Vincent", "Faure",    "Mercier",
                         "Blanc",  "Guérin",  "Chevalier", "Lefebvre", "Gauthier", "Perrin"},
                        {"French"}));
    list.append(
        culture("es",
                {"María", "Lucía", "Sofía", "Valentina", "Paula", "Carmen", "Inés", "Begoña", "Nuria", "Pilar", "Elena",
                 "Marta", "Alba", "Irene", "Rocío", "Ainhoa"},
                {"José", "Martín", "Mateo", "Alejandro", "Hugo", "Daniel", "Javier", "Álvaro", "Íñigo", "Sergio",
                 "Pablo", "Adrián", "Diego", "Jorge", "Raúl", "Andrés"},
                {"García",  "Fernández", "González", "Rodríguez", "López",     "Martínez", "Sánchez",   "Pérez",
                 "Gómez",   "Martín",    "Jiménez",  "Ruiz",      "Hernández", "Díaz",     "Moreno",    "Muñoz",
                 "Álvarez", "Romero",    "Alonso",   "Gutiérrez", "Navarro",   "Torres",   "Domínguez", "Vázquez",
                 "Ramos",   "Gil",       "Serrano",  "Blanco",    "Molina",    "Ibáñez"},
                {"Spanish"}));
    list.append(culture("mx",
                        {"Ximena", "Sofía", "Regina", "Camila", "Valeria", "Guadalupe", "Itzel", "Citlali", "Andrea",
                         "Fernanda", "Alejandra", "Renata", "Mariana", "Daniela"},
                        {"Santiago", "Diego", "Mateo", "Leonardo", "Emiliano", "Jesús", "Juan Pablo", "Rodrigo", "Luis",
                         "Ángel", "Sebastián", "Iker", "Tonatiuh", "Joaquín"},
                        {"Hernández", "García",   "Martínez", "López",  "González",  "Pérez",   "Rodríguez",
                         "Sánchez",   "Ramírez",  "Cruz",     "Flores", "Gómez",     "Morales", "Vázquez",
                         "Reyes",     "Jiménez",  "Torres",   "Díaz",   "Gutiérrez", "Mendoza", "Aguilar",
                         "Ortiz",     "Castillo", "Chávez",   "Rivera", "Juárez",    "Xochitl", "Cuauhtémoc"},
                        {"Spanish"}));
    list.append(
        culture("pt",
                {"Maria", "Ana", "Júlia", "Beatriz", "Laura", "Luíza", "Larissa", "Letícia", "Vitória", "Bruna",
                 "Conceição", "Gabriela", "Inês", "Mariana", "Leonor", "Raquel"},
                {"João", "Pedro", "Lucas", "Gabriel", "Matheus", "Rafael", "Guilherme", "Felipe", "Thiago", "Caio",
                 "Sebastião", "Tomás", "Rodrigo", "Gonçalo", "Vinícius", "André"},
                {"Silva",   "Santos",    "Oliveira", "Souza",   "Rodrigues", "Ferreira", "Alves",      "Pereira",
                 "Lima",    "Gomes",     "Costa",    "Ribeiro", "Martins",   "Carvalho", "Almeida",    "Lopes",
                 "Soares",  "Fernandes", "Vieira",   "Barbosa", "Rocha",     "Dias",     "Nascimento", "Andrade",
                 "Moreira", "Nunes",     "Marques",  "Machado", "Mendes",    "Araújo",   "Guimarães",  "Assunção"},
                {"Portuguese"}));
    list.append(culture("it",
                        {"Giulia", "Francesca", "Chiara", "Sofia", "Federica", "Elena", "Martina", "Alessia",
                         "Beatrice", "Ilaria", "Valentina", "Lucrezia"},
                        {"Alessandro", "Lorenzo", "Matteo", "Niccolò", "Andrea", "Giovanni", "Luca", "Davide",
                         "Riccardo", "Tommaso", "Gabriele", "Pietro"},
                        {"Rossi",   "Russo", "Ferrari",  "Esposito", "Bianchi",  "Romano",  "Colombo", "Ricci",
                         "Marino",  "Greco", "Bruno",    "Gallo",    "Conti",    "De Luca", "Costa",   "Giordano",
                         "Mancini", "Rizzo", "Lombardi", "Moretti",  "D'Angelo", "Fabbri"},
                        {"Italian"}));
    list.append(culture("pl",
                        {"Agnieszka", "Katarzyna", "Małgorzata", "Joanna", "Magdalena", "Zofia", "Marta", "Żaneta",
                         "Ewa", "Aleksandra", "Weronika", "Dorota", "Bożena", "Karolina"},
                        {"Łukasz", "Paweł", "Michał", "Krzysztof", "Tomasz", "Piotr", "Wojciech", "Grzegorz", "Jędrzej",
                         "Bartłomiej", "Stanisław", "Mikołaj", "Kacper", "Jakub"},
                        {"Nowak",
                         "Kowalski/Kowalska",
                         "Wiśniewski/Wiśniewska",
                         "Wójcik",
                         "Kowalczyk",
                         "Kamiński/Kamińska",
                         "Lewandowski/Lewandowska",
                         "Zieliński/Zielińska",
                         "Szymański/Szymańska",
                         "Woźniak",
                         "Dąbrowski/Dąbrowska",
                         "Kozłowski/Kozłowska",
                         "Mazur",
                         "Krawczyk",
                         "Wieczorek",
                         "Wróbel",
                         "Król",
                         "Zając",
                         "Kaczmarek",
                         "Sikora",
                         "Jabłoński/Jabłońska",
                         "Pietrzak",
                         "Michalak",
                         "Dudek",
                         "Kołodziej",
                         "Grabowski/Grabowska"},
                        {"Polish"}));
    list.append(culture(
        "sv", {"Astrid", "Linnéa", "Åsa", "Ebba", "Märta", "Elin", "Maja", "Sigrid", "Ingrid", "Saga", "Klara", "Tove"},
        {"Björn", "Oskar", "Nils", "Axel", "Gustav", "Erik", "Olle", "Hampus", "Viktor", "Anders", "Sixten", "Måns"},
        {"Johansson", "Andersson", "Karlsson",  "Nilsson",   "Eriksson",  "Larsson", "Olsson",
         "Persson",   "Svensson",  "Lindqvist", "Lindström", "Bergström", "Nyström", "Sjöberg",
         "Åberg",     "Ekström",   "Löfgren",   "Håkansson", "Wallin",    "Holmgren"},
        {"Swedish"}));
    list.append(culture("da", {"Mette", "Freja", "Ida", "Sofie", "Line", "Signe", "Astrid", "Karen", "Maren"},
                        {"Søren", "Mikkel", "Kasper", "Jens", "Rasmus", "Mads", "Anders", "Frederik", "Øystein"},
                        {"Sørensen", "Jørgensen", "Christensen", "Hansen", "Nielsen", "Pedersen", "Rasmussen", "Madsen",
                         "Møller", "Kjær", "Thomsen", "Østergaard", "Ødegaard", "Halvorsen"},
                        {"Danish", "Norwegian"}));
    list.append(
        culture("ja",
                {"美咲|Misaki", "陽菜|Hina", "結衣|Yui", "さくら|Sakura", "葵|Aoi", "花子|Hanako", "裕子|Yūko",
                 "恵|Megumi", "彩|Aya", "真由美|Mayumi", "愛子|Aiko", "七海|Nanami", "千尋|Chihiro", "優花|Yuka"},
                {"健二|Kenji", "翔太|Shōta", "大輔|Daisuke", "拓海|Takumi", "蓮|Ren", "悠真|Yūma", "直樹|Naoki",
                 "浩|Hiroshi", "誠|Makoto", "翼|Tsubasa", "和也|Kazuya", "隆|Takashi", "颯太|Sōta", "亮|Ryō"},
                {"田中|Tanaka",   "佐藤|Satō",     "鈴木|Suzuki",   "高橋|Takahashi", "伊藤|Itō",
                 "渡辺|Watanabe", "山本|Yamamoto", "中村|Nakamura", "小林|Kobayashi", "加藤|Katō",
                 "吉田|Yoshida",  "山田|Yamada",   "佐々木|Sasaki", "山口|Yamaguchi", "松本|Matsumoto",
                 "井上|Inoue",    "木村|Kimura",   "林|Hayashi",    "清水|Shimizu",   "森|Mori"},
                {"Japanese"}));
    list.append(culture("ko",
                        {"서연|Seoyeon", "하은|Haeun", "지우|Jiwoo", "수아|Sua", "지민|Jimin", "유진|Yujin",
                         "은지|Eunji", "민서|Minseo", "예린|Yerin", "다은|Daeun"},
                        {"민준|Minjun", "도윤|Doyun", "서준|Seojun", "예준|Yejun", "지호|Jiho", "현우|Hyunwoo",
                         "성민|Seongmin", "준혁|Junhyuk", "태현|Taehyun", "동현|Donghyun"},
                        {"김|Kim", "이|Lee", "박|Park", "최|Choi", "정|Jung", "강|Kang", "조|Cho", "윤|Yoon", "장|Jang",
                         "임|Lim", "한|Han", "오|Oh", "신|Shin", "서|Seo"},
                        {"Korean"}));
    list.append(culture("zh",
                        {"芳|Fang", "娜|Na", "敏|Min", "静|Jing", "丽|Li", "艳|Yan", "秀英|Xiuying", "晓燕|Xiaoyan",
                         "雨桐|Yutong", "欣怡|Xinyi", "婷|Ting", "梓涵|Zihan"},
                        {"伟|Wei", "强|Qiang", "磊|Lei", "军|Jun", "洋|Yang", "勇|Yong", "杰|Jie", "涛|Tao", "明|Ming",
                         "超|Chao", "子轩|Zixuan", "浩然|Haoran"},
                        {"王|Wang", "李|Li",  "张|Zhang", "刘|Liu", "陈|Chen", "杨|Yang", "黄|Huang",
                         "赵|Zhao", "吴|Wu",  "周|Zhou",  "徐|Xu",  "孙|Sun",  "马|Ma",   "朱|Zhu",
                         "胡|Hu",   "郭|Guo", "何|He",    "林|Lin", "罗|Luo",  "高|Gao"},
                        {"Mandarin", "Cantonese"}));
    list.append(culture("in",
                        {"Ananya", "Diya", "Priya", "Aadhya", "Saanvi", "Lakshmi", "Kavya", "Sneha", "Pooja", "Deepika",
                         "Meera", "Shreya", "Divya", "Aishwarya", "Nandini", "Revathi"},
                        {"Aarav", "Vivaan", "Aditya", "Arjun", "Sai", "Rohan", "Rahul", "Vikram", "Karthik", "Nikhil",
                         "Harish", "Siddharth", "Pranav", "Venkatesh", "Abhishek", "Manoj"},
                        {"Sharma",     "Verma",    "Gupta",    "Iyer",        "Reddy",  "Rao",   "Nair",
                         "Menon",      "Patel",    "Shah",     "Kumar",       "Singh",  "Das",   "Mukherjee",
                         "Chatterjee", "Banerjee", "Krishnan", "Subramanian", "Pillai", "Hegde", "Shetty",
                         "Kulkarni",   "Joshi",    "Desai",    "Bhat",        "Naidu"},
                        {"Hindi", "Kannada", "Tamil", "Telugu", "Bengali", "Marathi", "Malayalam"}));
    Culture russian = culture("ru",
                              {"Анна|Anna", "Мария|Maria", "Екатерина|Ekaterina", "Ольга|Olga", "Наталья|Natalya",
                               "Дарья|Darya", "Елена|Elena", "Татьяна|Tatyana", "Юлия|Yulia", "Ксения|Ksenia"},
                              {"Дмитрий|Dmitry", "Алексей|Alexey", "Сергей|Sergey", "Иван|Ivan", "Михаил|Mikhail",
                               "Андрей|Andrey", "Никита|Nikita", "Павел|Pavel", "Артём|Artyom", "Юрий|Yury"},
                              {"Иванов/Иванова|Ivanov/Ivanova", "Смирнов/Смирнова|Smirnov/Smirnova",
                               "Кузнецов/Кузнецова|Kuznetsov/Kuznetsova", "Попов/Попова|Popov/Popova",
                               "Васильев/Васильева|Vasiliev/Vasilieva", "Петров/Петрова|Petrov/Petrova",
                               "Соколов/Соколова|Sokolov/Sokolova", "Михайлов/Михайлова|Mikhailov/Mikhailova",
                               "Новиков/Новикова|Novikov/Novikova", "Фёдоров/Фёдорова|Fyodorov/Fyodorova",
                               "Морозов/Морозова|Morozov/Morozova", "Волков/Волкова|Volkov/Volkova",
                               "Лебедев/Лебедева|Lebedev/Lebedeva", "Козлов/Козлова|Kozlov/Kozlova"},
                              {"Russian"});
    russian.nativeScript = true;
    list.append(russian);
    Culture ukrainian = culture(
        "uk", {"Олена|Olena", "Оксана|Oksana", "Ірина|Iryna", "Наталія|Nataliia", "Софія|Sofiia", "Юлія|Yuliia"},
        {"Тарас|Taras", "Богдан|Bohdan", "Ярослав|Yaroslav", "Олександр|Oleksandr", "Андрій|Andrii", "Максим|Maksym"},
        {"Шевченко|Shevchenko", "Коваленко|Kovalenko", "Бондаренко|Bondarenko", "Ткаченко|Tkachenko",
         "Кравченко|Kravchenko", "Мельник|Melnyk", "Бойко|Boiko", "Олійник|Oliinyk", "Лисенко|Lysenko"},
        {"Ukrainian"});
    ukrainian.nativeScript = true;
    list.append(ukrainian);
    Culture arabic = culture("ar",
                             {"مريم|Maryam", "فاطمة|Fatima", "نور|Noor", "ليلى|Layla", "سارة|Sara", "هدى|Huda",
                              "ريم|Reem", "أمل|Amal", "ياسمين|Yasmin", "زينب|Zainab"},
                             {"محمد|Mohammed", "أحمد|Ahmed", "عمر|Omar", "علي|Ali", "يوسف|Youssef", "خالد|Khalid",
                              "حسن|Hassan", "كريم|Karim", "طارق|Tariq", "سامي|Sami"},
                             {"الحسن|Al-Hassan", "المنصوري|Al Mansouri", "الهاشمي|Al Hashimi", "حداد|Haddad",
                              "خوري|Khoury", "النعيمي|Al Nuaimi", "الشامسي|Al Shamsi", "عبدالله|Abdullah",
                              "سليمان|Suleiman", "الكعبي|Al Kaabi", "منصور|Mansour", "ناصر|Nasser"},
                             {"Arabic"});
    arabic.nativeScript = true;
    list.append(arabic);
    list.append(
        culture("tr", {"Elif", "Zeynep", "Ayşe", "Selin", "Deniz", "Şebnem", "İlayda", "Çağla", "Ebru", "Gülşen"},
                {"Emre", "Mehmet", "Can", "Burak", "Oğuz", "Gökhan", "Barış", "Kerem", "Mert", "Tolga"},
                {"Yılmaz", "Kaya",  "Demir", "Şahin", "Çelik", "Yıldız", "Yıldırım", "Öztürk", "Aydın",  "Özdemir",
                 "Arslan", "Doğan", "Kılıç", "Aslan", "Çetin", "Koç",    "Kurt",     "Özkan",  "Şimşek", "Güneş"},
                {"Turkish"}));
    list.append(culture("ng",
                        {"Ngozi", "Chiamaka", "Adaeze", "Funmilayo", "Folake", "Temitope", "Yetunde", "Ifeoma", "Amaka",
                         "Aisha", "Bisola", "Ebele", "Ọláolúwa", "Títílayọ̀"},
                        {"Chinedu", "Emeka", "Obinna", "Olumide", "Babatunde", "Adébáyọ̀", "Kelechi", "Ikechukwu",
                         "Segun", "Femi", "Musa", "Ibrahim", "Chukwuemeka", "Oluwaseun"},
                        {"Okafor", "Okeke", "Adeyemi", "Okonkwo", "Eze", "Nwosu", "Ogunleye", "Balogun", "Olawale",
                         "Ogundipe", "Abubakar", "Bello", "Danjuma", "Nwachukwu", "Obi", "Adeleke", "Ọládipọ̀", "Àjàyí"},
                        {"Yoruba", "Igbo", "Hausa"}));
    list.append(culture(
        "ke", {"Wanjiru", "Akinyi", "Njeri", "Achieng", "Wambui", "Nyokabi", "Atieno", "Chebet", "Mumbua", "Zawadi"},
        {"Kamau", "Otieno", "Mwangi", "Kipchoge", "Odhiambo", "Kiprono", "Baraka", "Juma", "Mutua", "Omondi"},
        {"Kamau", "Mwangi", "Otieno", "Ochieng", "Kariuki", "Njoroge", "Wanjala", "Kiprotich", "Mutua", "Odhiambo",
         "Wafula", "Kimani", "Onyango", "Chege", "Kibet"},
        {"Swahili"}));
    for (const int id : {Japanese, Korean, Chinese}) {
        list[id].nativeScript = true;
        list[id].familyFirst = true;
    }
    list[Korean].joined = true;
    list[Chinese].joined = true;
    return list;
}

Office office(const char *city, const char *timeZone, const char *phone, const char *region, int weight,
              std::initializer_list<std::pair<CultureId, int>> mix)
{
    Office o {QString::fromUtf8(city),
              QString::fromUtf8(timeZone),
              QString::fromUtf8(phone),
              QString::fromUtf8(region),
              weight,
              {},
              {}};
    for (const auto &[id, share] : mix) {
        o.cultures.append(id);
        o.cultureWeights.append(share);
    }
    return o;
}

QList<Office> makeOffices()
{
    return {
        office("Berlin", "Europe/Berlin", "+49 30 #### ####", "EMEA", 10,
               {{German, 60},
                {Turkish, 8},
                {Polish, 6},
                {Ukrainian, 4},
                {Russian, 3},
                {English, 6},
                {French, 3},
                {Spanish, 3},
                {Italian, 3},
                {Danish, 2},
                {Indian, 4}}),
        office("London", "Europe/London", "+44 20 7946 0###", "EMEA", 9,
               {{English, 55},
                {Indian, 12},
                {Polish, 6},
                {French, 5},
                {Nigerian, 6},
                {Irish, 4},
                {Italian, 4},
                {Spanish, 3},
                {Chinese, 5}}),
        office("Dublin", "Europe/Dublin", "+353 1 ### ####", "EMEA", 4,
               {{Irish, 45}, {English, 15}, {Polish, 12}, {Portuguese, 10}, {Spanish, 6}, {Indian, 6}, {French, 6}}),
        office("Paris", "Europe/Paris", "+33 1 ## ## ## ##", "EMEA", 5,
               {{French, 75}, {Arabic, 8}, {Spanish, 5}, {Portuguese, 5}, {Italian, 4}, {English, 3}}),
        office("Zürich", "Europe/Zurich", "+41 44 ### ## ##", "EMEA", 3,
               {{German, 55}, {French, 15}, {Italian, 15}, {English, 5}, {Turkish, 5}, {Portuguese, 5}}),
        office("Warsaw", "Europe/Warsaw", "+48 22 ### ## ##", "EMEA", 5, {{Polish, 80}, {Ukrainian, 15}, {English, 5}}),
        office("Madrid", "Europe/Madrid", "+34 91 ### ## ##", "EMEA", 4,
               {{Spanish, 85}, {Mexican, 5}, {Portuguese, 5}, {French, 5}}),
        office("Lisbon", "Europe/Lisbon", "+351 21 ### ####", "EMEA", 3,
               {{Portuguese, 80}, {Spanish, 8}, {English, 6}, {French, 6}}),
        office("Stockholm", "Europe/Stockholm", "+46 8 ### ### ##", "EMEA", 3,
               {{Swedish, 75}, {Danish, 10}, {English, 5}, {Turkish, 5}, {Arabic, 5}}),
        office("Dubai", "Asia/Dubai", "+971 4 ### ####", "EMEA", 3,
               {{Arabic, 55}, {Indian, 25}, {English, 10}, {Turkish, 5}, {Russian, 5}}),
        office("Nairobi", "Africa/Nairobi", "+254 20 ### ####", "EMEA", 3, {{Kenyan, 90}, {Indian, 5}, {English, 5}}),
        office("Lagos", "Africa/Lagos", "+234 1 ### ####", "EMEA", 3, {{Nigerian, 95}, {English, 5}}),
        office("New York", "America/New_York", "+1 212 555 01##", "Americas", 9,
               {{English, 50},
                {Chinese, 8},
                {Indian, 10},
                {Mexican, 10},
                {Korean, 5},
                {Russian, 5},
                {Italian, 5},
                {Nigerian, 4},
                {Arabic, 3}}),
        office("San Francisco", "America/Los_Angeles", "+1 415 555 01##", "Americas", 8,
               {{English, 40},
                {Chinese, 15},
                {Indian, 18},
                {Mexican, 10},
                {Korean, 6},
                {Japanese, 4},
                {Russian, 4},
                {French, 3}}),
        office("Toronto", "America/Toronto", "+1 416 555 01##", "Americas", 4,
               {{English, 45}, {French, 15}, {Chinese, 15}, {Indian, 15}, {Korean, 5}, {Arabic, 5}}),
        office("Mexico City", "America/Mexico_City", "+52 55 #### ####", "Americas", 4,
               {{Mexican, 90}, {Spanish, 5}, {English, 5}}),
        office("São Paulo", "America/Sao_Paulo", "+55 11 9####-####", "Americas", 6,
               {{Portuguese, 80}, {Japanese, 8}, {Italian, 6}, {Arabic, 6}}),
        office("Tokyo", "Asia/Tokyo", "+81 3-####-####", "APAC", 6, {{Japanese, 92}, {English, 4}, {Korean, 4}}),
        office("Seoul", "Asia/Seoul", "+82 2-###-####", "APAC", 3, {{Korean, 94}, {English, 3}, {Chinese, 3}}),
        office("Singapore", "Asia/Singapore", "+65 6### ####", "APAC", 4,
               {{Chinese, 55}, {Indian, 25}, {English, 10}, {Korean, 5}, {Japanese, 5}}),
        office("Bengaluru", "Asia/Kolkata", "+91 80 #### ####", "APAC", 8, {{Indian, 97}, {English, 3}}),
        office("Sydney", "Australia/Sydney", "+61 2 5550 ####", "APAC", 3,
               {{English, 70}, {Chinese, 15}, {Indian, 8}, {Korean, 4}, {Irish, 3}}),
    };
}

// The skill taxonomy, grouped only to keep it readable.
QStringList makeTaxonomy()
{
    return spokenLanguages()
        + strings({
            // Programming languages
            "C++",
            "C",
            "C#",
            "F#",
            "Java",
            "Kotlin",
            "Scala",
            "Go",
            "Rust",
            "Python",
            "JavaScript",
            "TypeScript",
            "Ruby",
            "PHP",
            "Swift",
            "Objective-C",
            "Dart",
            "Elixir",
            "Erlang",
            "Haskell",
            "OCaml",
            "Clojure",
            "Lua",
            "Perl",
            "R",
            "Julia",
            "MATLAB",
            "SQL",
            "Bash",
            "PowerShell",
            "COBOL",
            "Fortran",
            "Zig",
            "Assembly",
            "WebAssembly",
            "Groovy",
            "Ada",
            "Prolog",
            // Frameworks, platforms and tools
            ".NET",
            "ASP.NET Core",
            "Node.js",
            "React",
            "Angular",
            "Vue.js",
            "Svelte",
            "Next.js",
            "Django",
            "Flask",
            "FastAPI",
            "Ruby on Rails",
            "Spring Boot",
            "Laravel",
            "Express.js",
            "Qt",
            "GTK",
            "Flutter",
            "React Native",
            "SwiftUI",
            "Jetpack Compose",
            "Android",
            "iOS",
            "Unity",
            "Unreal Engine",
            "GraphQL",
            "gRPC",
            "REST API design",
            "WebSockets",
            "OpenAPI",
            "Tailwind CSS",
            "HTML",
            "CSS",
            "Electron",
            "Boost",
            "CMake",
            "Bazel",
            "Gradle",
            "Maven",
            "Webpack",
            "Git",
            "Vim",
            "Emacs",
            "Visual Studio Code",
            // Infrastructure and operations
            "Kubernetes",
            "Docker",
            "Terraform",
            "Ansible",
            "Helm",
            "AWS",
            "Google Cloud",
            "Microsoft Azure",
            "Linux",
            "CI/CD",
            "GitHub Actions",
            "GitLab CI",
            "Jenkins",
            "Argo CD",
            "Prometheus",
            "Grafana",
            "OpenTelemetry",
            "Nginx",
            "Envoy",
            "Istio",
            "PostgreSQL",
            "MySQL",
            "SQLite",
            "Redis",
            "MongoDB",
            "Cassandra",
            "Elasticsearch",
            "Apache Kafka",
            "RabbitMQ",
            "Site reliability engineering",
            "Incident management",
            "TCP/IP networking",
            "DNS",
            "Observability",
            "Chaos engineering",
            "Pulumi",
            "HashiCorp Vault",
            "Packer",
            "systemd",
            "Nix",
            "Capacity planning",
            "Load balancing",
            "CDN",
            "FinOps",
            // Security
            "Penetration testing",
            "Threat modeling",
            "OAuth 2.0",
            "OpenID Connect",
            "Cryptography",
            "OWASP Top 10",
            "SIEM",
            "Zero trust networking",
            "ISO 27001",
            "SOC 2",
            "Vulnerability management",
            "Identity and access management",
            "Incident response",
            "Malware analysis",
            "Application security",
            "Cloud security",
            // Engineering practice
            "Test automation",
            "Selenium",
            "Playwright",
            "Cypress",
            "Fuzzing",
            "Performance engineering",
            "Code review",
            "Software architecture",
            "Distributed systems",
            "Compilers",
            "Embedded systems",
            "Real-time systems",
            "Concurrency",
            "Domain-driven design",
            "Microservices",
            "Accessibility (WCAG)",
            "Technical writing",
            "Unit testing",
            "Refactoring",
            "API design",
            "Event-driven architecture",
            "Functional programming",
            // Robotics and hardware
            "ROS",
            "Computer-aided design (CAD)",
            "SolidWorks",
            "PLC programming",
            "Control systems",
            "Embedded Linux",
            "FPGA",
            "Signal processing",
            "Lidar",
            "SLAM",
            "Motion planning",
            "Battery systems",
            "Mechanical engineering",
            "Electrical engineering",
            "PCB design",
            "KiCad",
            "Manufacturing",
            "Kinematics",
            "Sensor fusion",
            "Verilog",
            "VHDL",
            "Firmware development",
            // Data and machine learning
            "Apache Spark",
            "Apache Airflow",
            "dbt",
            "Snowflake",
            "BigQuery",
            "Databricks",
            "Data modeling",
            "Data warehousing",
            "ETL",
            "pandas",
            "NumPy",
            "scikit-learn",
            "PyTorch",
            "TensorFlow",
            "Jupyter",
            "Statistics",
            "A/B testing",
            "Causal inference",
            "Bayesian statistics",
            "Time series forecasting",
            "Natural language processing",
            "Computer vision",
            "Large language models",
            "Recommender systems",
            "MLOps",
            "Feature engineering",
            "Deep learning",
            "Reinforcement learning",
            "Data visualization",
            "Tableau",
            "Power BI",
            "Looker",
            "Excel",
            "Apache Flink",
            "Hadoop",
            "Data governance",
            "Experiment design",
            "Operations research",
            "Data quality",
            "Streaming data",
            "Vector databases",
            "Prompt engineering",
            // Design
            "Figma",
            "Sketch",
            "Adobe Photoshop",
            "Adobe Illustrator",
            "Adobe InDesign",
            "Adobe After Effects",
            "UI/UX",
            "Interaction design",
            "Visual design",
            "Typography",
            "Design systems",
            "Prototyping",
            "User research",
            "Usability testing",
            "Information architecture",
            "Motion design",
            "Illustration",
            "Brand identity",
            "Service design",
            "Wireframing",
            "Journey mapping",
            "Design thinking",
            "Blender",
            "3D modeling",
            "Icon design",
            "UX writing",
            // Product
            "Product management",
            "Product discovery",
            "Roadmapping",
            "OKRs",
            "Agile",
            "Scrum",
            "Kanban",
            "Jira",
            "Confluence",
            "Stakeholder management",
            "Pricing strategy",
            "Go-to-market strategy",
            "Product analytics",
            "Amplitude",
            "Mixpanel",
            "Requirements engineering",
            "Customer interviews",
            "Product strategy",
            "Competitive analysis",
            "Product-led growth",
            // Sales
            "Salesforce",
            "HubSpot",
            "Enterprise sales",
            "Solution selling",
            "MEDDIC",
            "Negotiation",
            "Account management",
            "Lead generation",
            "Cold calling",
            "Sales forecasting",
            "Pipeline management",
            "Partnerships",
            "Public sector sales",
            "Channel sales",
            "Customer success",
            "RFP responses",
            "Sales engineering",
            "Product demos",
            "LinkedIn Sales Navigator",
            "Gong",
            "Value selling",
            "Territory planning",
            "Contract negotiation",
            // Marketing
            "SEO",
            "SEM",
            "Google Analytics",
            "Google Ads",
            "Content marketing",
            "Email marketing",
            "Marketing automation",
            "Marketo",
            "Social media marketing",
            "Brand strategy",
            "Public relations",
            "Event management",
            "Copywriting",
            "Product marketing",
            "Demand generation",
            "Market research",
            "Marketing analytics",
            "Video production",
            "Community management",
            "Growth marketing",
            "Localization",
            "Podcast production",
            "Influencer marketing",
            "Webinars",
            // Finance
            "IFRS",
            "US GAAP",
            "HGB",
            "Financial modeling",
            "Budgeting",
            "Financial forecasting",
            "FP&A",
            "Management accounting",
            "Financial reporting",
            "Consolidation",
            "Audit",
            "Internal controls",
            "SOX compliance",
            "Treasury",
            "Corporate tax",
            "Transfer pricing",
            "VAT",
            "Accounts payable",
            "Accounts receivable",
            "Revenue recognition",
            "SAP FI/CO",
            "SAP S/4HANA",
            "SAP payroll",
            "Oracle NetSuite",
            "DATEV",
            "Payroll",
            "Procurement",
            "Cost accounting",
            "Investor relations",
            "Mergers and acquisitions",
            "Cash management",
            "Expense management",
            // Legal
            "Contract law",
            "GDPR",
            "Data protection",
            "Employment law",
            "Intellectual property",
            "Patent law",
            "Trademark law",
            "Corporate law",
            "Commercial contracts",
            "Compliance",
            "Export control",
            "Competition law",
            "Litigation",
            "Privacy impact assessments",
            "Open source licensing",
            "Software licensing",
            "EU AI Act",
            "CCPA",
            "Regulatory affairs",
            "Product safety regulation",
            "Legal research",
            "Contract management",
            // People
            "Recruiting",
            "Technical recruiting",
            "Sourcing",
            "Employer branding",
            "Onboarding",
            "Compensation and benefits",
            "Performance management",
            "Learning and development",
            "Coaching",
            "Organizational design",
            "Employee relations",
            "HR analytics",
            "Workday",
            "Personio",
            "Diversity and inclusion",
            "Change management",
            "Labor relations",
            "Immigration and relocation",
            "Facilitation",
            "Mentoring",
            "Interviewing",
            "Workforce planning",
            // Support
            "Customer support",
            "Zendesk",
            "Jira Service Management",
            "ITIL",
            "Troubleshooting",
            "Knowledge base writing",
            "Escalation management",
            "Customer onboarding",
            "Live chat support",
            "Technical account management",
            "Intercom",
            "De-escalation",
            "Root cause analysis",
            "Support operations",
            // Operations and IT
            "IT support",
            "Microsoft 365",
            "Google Workspace",
            "Active Directory",
            "Okta",
            "Jamf",
            "Microsoft Intune",
            "macOS administration",
            "Windows administration",
            "Network administration",
            "Vendor management",
            "Facilities management",
            "Workplace safety",
            "Travel management",
            "Business operations",
            "Process improvement",
            "Lean Six Sigma",
            "Supply chain management",
            "Logistics",
            "Project management",
            "Program management",
            "PRINCE2",
            "PMP",
            "Business continuity planning",
            "Asset management",
            // General
            "Public speaking",
            "Leadership",
            "People management",
            "Strategic planning",
            "Conflict resolution",
            "Presentation design",
            "Cross-functional collaboration",
            "Hiring",
            "Crisis communication",
            "Budget management",
            "Remote collaboration",
            "Workshop design",
            "Decision making",
            "Storytelling",
        });
}

Team team(const char *name, Names roles, const char *managerTitle, Names skills, Names focus)
{
    return {QString::fromUtf8(name), strings(roles), QString::fromUtf8(managerTitle), strings(skills), strings(focus)};
}

QList<Department> makeDepartments()
{
    QList<Department> list;
    list.append(
        {u"Engineering"_qs,
         u"VP of Engineering"_qs,
         30,
         true,
         {team("Platform Engineering", {"Software Engineer", "Platform Engineer"}, "Engineering Manager",
               {"Go", "Kubernetes", "Terraform", "Docker", "Linux", "CI/CD", "Helm", "AWS", "gRPC", "PostgreSQL",
                "Observability", "Distributed systems", "Rust", "Python"},
               {"our Kubernetes platform", "the build and deploy pipeline", "internal developer tooling",
                "service-to-service networking"}),
          team("Site Reliability Engineering", {"Site Reliability Engineer"}, "SRE Manager",
               {"Kubernetes", "Prometheus", "Grafana", "Incident management", "Site reliability engineering", "Linux",
                "Terraform", "Go", "Python", "Capacity planning", "OpenTelemetry", "Chaos engineering", "Bash",
                "Load balancing"},
               {"on-call and incident reviews", "keeping our services up", "error budgets and SLOs",
                "capacity planning for the fleet"}),
          team("Robotics Software", {"Robotics Software Engineer", "Software Engineer"}, "Engineering Manager",
               {"C++", "ROS", "Python", "Motion planning", "SLAM", "Computer vision", "Kinematics", "Sensor fusion",
                "Real-time systems", "Linux", "CMake", "Control systems", "Lidar", "Concurrency"},
               {"motion planning for our arms", "the robot perception stack", "fleet navigation",
                "the simulation environment"}),
          team("Embedded Systems", {"Embedded Software Engineer", "Firmware Engineer"}, "Embedded Engineering Manager",
               {"C", "C++", "Embedded systems", "Firmware development", "Embedded Linux", "Real-time systems", "FPGA",
                "Signal processing", "Rust", "Assembly", "Verilog", "Battery systems", "PCB design"},
               {"motor controller firmware", "the board support package", "battery management firmware",
                "sensor drivers"}),
          team("Hardware Engineering", {"Hardware Engineer", "Mechanical Engineer", "Electrical Engineer"},
               "Hardware Engineering Manager",
               {"Mechanical engineering", "Electrical engineering", "PCB design", "KiCad", "SolidWorks",
                "Computer-aided design (CAD)", "Manufacturing", "Battery systems", "VHDL", "Signal processing"},
               {"the next gripper design", "design for manufacturing", "the power electronics",
                "prototype builds with our suppliers"}),
          team("Web Engineering", {"Frontend Engineer", "Full-Stack Engineer", "Software Engineer"},
               "Engineering Manager",
               {"TypeScript", "React", "JavaScript", "Node.js", "HTML", "CSS", "GraphQL", "Next.js",
                "Accessibility (WCAG)", "Playwright", "Webpack", "Vue.js", "Tailwind CSS", "REST API design"},
               {"the customer dashboard", "our design system components", "the fleet management web app",
                "front-end performance"}),
          team("Mobile Engineering", {"Mobile Engineer", "iOS Engineer", "Android Engineer"}, "Engineering Manager",
               {"Swift", "Kotlin", "iOS", "Android", "SwiftUI", "Jetpack Compose", "Flutter", "React Native", "Dart",
                "Objective-C", "Gradle", "Unit testing"},
               {"the operator app", "offline sync on mobile", "push notifications", "the field technician app"}),
          team("Desktop Applications", {"Software Engineer", "Desktop Engineer"}, "Engineering Manager",
               {"C++", "Qt", "CMake", "C#", ".NET", "Boost", "Concurrency", "Linux", "Windows administration",
                "Unit testing", "Software architecture"},
               {"the robot programming studio", "our Qt desktop tools", "cross-platform packaging",
                "the simulation viewer"}),
          team("Backend Engineering", {"Backend Engineer", "Software Engineer"}, "Engineering Manager",
               {"Java", "Kotlin", "Spring Boot", "Go", "PostgreSQL", "Apache Kafka", "Redis", "gRPC", "Microservices",
                "Domain-driven design", "API design", "C#", ".NET", "Python", "Scala"},
               {"the orders and billing services", "our public API", "event streaming between services",
                "the device telemetry backend"}),
          team("Security Engineering", {"Security Engineer", "Application Security Engineer"}, "Security Manager",
               {"Application security", "Threat modeling", "Penetration testing", "Cryptography", "OAuth 2.0",
                "OpenID Connect", "Cloud security", "Zero trust networking", "Fuzzing", "Rust", "Go",
                "Vulnerability management", "OWASP Top 10", "Incident response"},
               {"secure-by-default libraries", "our bug bounty programme", "threat models for new features",
                "robot fleet security"}),
          team("Developer Experience", {"Software Engineer", "Build Engineer"}, "Engineering Manager",
               {"Bazel", "CMake", "CI/CD", "GitHub Actions", "Python", "Go", "Git", "Technical writing", "Docker",
                "Gradle", "Code review", "Test automation"},
               {"build times", "the CI system", "developer onboarding", "our monorepo tooling"}),
          team("Quality Engineering", {"QA Engineer", "Test Automation Engineer"}, "QA Manager",
               {"Test automation", "Playwright", "Selenium", "Cypress", "Python", "Unit testing",
                "Performance engineering", "Fuzzing", "Jira", "TypeScript"},
               {"end-to-end test suites", "release quality", "hardware-in-the-loop testing",
                "performance regression tests"})},
         strings({"Git",
                  "Code review",
                  "Linux",
                  "Docker",
                  "Python",
                  "SQL",
                  "Bash",
                  "Software architecture",
                  "Unit testing",
                  "Agile",
                  "Jira",
                  "Refactoring",
                  "C++",
                  "Kubernetes",
                  "Technical writing",
                  "Functional programming",
                  "Haskell",
                  "Ada",
                  "Vim",
                  "Emacs",
                  "Visual Studio Code"})});
    list.append(
        {u"Data"_qs,
         u"VP of Data"_qs,
         8,
         true,
         {team("Data Platform", {"Data Engineer", "Software Engineer"}, "Data Engineering Manager",
               {"Apache Spark", "Apache Airflow", "Apache Kafka", "dbt", "Snowflake", "Python", "SQL", "Scala",
                "Data modeling", "Data warehousing", "ETL", "Apache Flink", "Kubernetes", "Streaming data"},
               {"the data warehouse", "our streaming pipelines", "the data catalogue", "making data easy to find"}),
          team("Data Science", {"Data Scientist"}, "Data Science Manager",
               {"Python", "R", "Statistics", "pandas", "scikit-learn", "Causal inference", "Bayesian statistics",
                "Time series forecasting", "Experiment design", "A/B testing", "Jupyter", "SQL", "Operations research"},
               {"demand forecasting", "pricing experiments", "predictive maintenance models", "churn analysis"}),
          team(
              "Machine Learning", {"Machine Learning Engineer", "Research Scientist"}, "Machine Learning Manager",
              {"PyTorch", "TensorFlow", "Deep learning", "Computer vision", "Natural language processing",
               "Large language models", "MLOps", "Reinforcement learning", "Python", "C++", "Recommender systems",
               "Vector databases", "Prompt engineering", "Feature engineering"},
              {"grasp detection models", "our model training platform", "on-robot inference", "the support assistant"}),
          team("Analytics", {"Data Analyst", "Analytics Engineer", "BI Developer"}, "Analytics Manager",
               {"SQL", "Looker", "Tableau", "Power BI", "dbt", "Excel", "Data visualization", "BigQuery", "Python",
                "Product analytics", "Data quality", "Statistics"},
               {"company dashboards", "the metrics layer", "self-serve analytics", "the weekly business review"})},
         strings({"SQL", "Python", "Statistics", "Data visualization", "Jupyter", "Git", "Data governance",
                  "Data quality", "BigQuery", "Databricks", "Hadoop", "NumPy", "Julia", "MATLAB"})});
    list.append(
        {u"Design"_qs,
         u"VP of Design"_qs,
         5,
         false,
         {team("Product Design", {"Product Designer", "UX Designer"}, "Design Manager",
               {"Figma", "UI/UX", "Interaction design", "Prototyping", "Design systems", "Wireframing",
                "Usability testing", "Visual design", "Accessibility (WCAG)", "Journey mapping"},
               {"the operator app", "onboarding flows", "the fleet dashboard", "our design system"}),
          team("UX Research", {"UX Researcher"}, "Research Manager",
               {"User research", "Usability testing", "Customer interviews", "Journey mapping", "Design thinking",
                "Statistics", "Service design", "Facilitation"},
               {"field studies in warehouses", "our research repository", "usability benchmarks",
                "interviews with operators"}),
          team("Brand Design", {"Brand Designer", "Visual Designer", "Motion Designer"}, "Brand Design Manager",
               {"Brand identity", "Adobe Illustrator", "Adobe Photoshop", "Adobe InDesign", "Typography",
                "Illustration", "Motion design", "Adobe After Effects", "Blender", "3D modeling", "Icon design"},
               {"our brand refresh", "trade show booths", "product launch visuals", "the illustration library"}),
          team("Content Design", {"Content Designer", "UX Writer"}, "Content Design Manager",
               {"UX writing", "Copywriting", "Information architecture", "Localization", "Technical writing", "Figma",
                "Accessibility (WCAG)"},
               {"words in the product", "our voice and tone guide", "help centre structure",
                "error messages people understand"})},
         strings({"Figma", "Sketch", "Design thinking", "Prototyping", "Typography", "Visual design",
                  "Presentation design", "Workshop design", "Storytelling", "HTML", "CSS"})});
    list.append(
        {u"Product"_qs,
         u"Chief Product Officer"_qs,
         6,
         false,
         {team("Product Management", {"Product Manager"}, "Group Product Manager",
               {"Product management", "Product discovery", "Roadmapping", "Stakeholder management", "OKRs",
                "Product strategy", "Customer interviews", "Requirements engineering", "Product analytics", "Jira",
                "Competitive analysis"},
               {"the fleet management product", "our robot programming tools", "the customer portal",
                "integrations with warehouse systems"}),
          team("Product Operations", {"Product Operations Manager", "Technical Program Manager"},
               "Product Operations Lead",
               {"Program management", "Jira", "Confluence", "Process improvement", "Agile", "Scrum", "Kanban",
                "Stakeholder management", "OKRs"},
               {"the release calendar", "planning cycles", "our product feedback loop", "cross-team programmes"}),
          team("Growth", {"Growth Product Manager", "Growth Analyst"}, "Growth Lead",
               {"Product-led growth", "A/B testing", "Amplitude", "Mixpanel", "Pricing strategy", "Product analytics",
                "SQL", "Growth marketing", "Experiment design"},
               {"trial conversion", "self-serve sign-up", "pricing and packaging", "activation experiments"})},
         strings({"Product management", "Agile", "Scrum", "Jira", "Confluence", "SQL", "Roadmapping",
                  "Go-to-market strategy", "Decision making", "Storytelling"})});
    list.append(
        {u"Sales"_qs,
         u"Chief Revenue Officer"_qs,
         14,
         false,
         {team("Sales Engineering", {"Sales Engineer", "Solutions Architect"}, "Sales Engineering Manager",
               {"Sales engineering", "Product demos", "RFP responses", "Python", "REST API design", "Salesforce", "ROS",
                "Solution selling", "Technical writing", "Kubernetes"},
               {"proofs of concept", "technical demos", "integration workshops with customers", "RFP answers"}),
          team("Enterprise Sales", {"Account Executive", "Enterprise Account Executive"}, "Sales Manager",
               {"Enterprise sales", "Salesforce", "Negotiation", "Solution selling", "MEDDIC", "Pipeline management",
                "Sales forecasting", "Value selling", "Territory planning", "Contract negotiation"},
               {"automotive customers", "logistics accounts", "our largest warehouse customers",
                "new accounts in my territory"}),
          team("Sales Development", {"Sales Development Representative", "Business Development Representative"},
               "Sales Development Manager",
               {"Lead generation", "Cold calling", "Salesforce", "HubSpot", "LinkedIn Sales Navigator", "Gong",
                "Email marketing"},
               {"outbound prospecting", "qualifying new leads", "booking first meetings", "event follow-ups"}),
          team("Account Management", {"Account Manager", "Customer Success Manager"}, "Account Management Lead",
               {"Account management", "Customer success", "Negotiation", "Salesforce", "Customer onboarding",
                "Stakeholder management", "Gong"},
               {"renewals and expansions", "quarterly business reviews", "customer health", "onboarding new sites"}),
          team("Partnerships", {"Partner Manager", "Channel Account Manager"}, "Partnerships Manager",
               {"Partnerships", "Channel sales", "Negotiation", "Go-to-market strategy", "Salesforce",
                "Contract management"},
               {"our integrator network", "reseller programmes", "co-selling with cloud providers",
                "partner enablement"}),
          team("Public Sector Sales", {"Account Executive"}, "Public Sector Sales Lead",
               {"Public sector sales", "RFP responses", "Negotiation", "Compliance", "Salesforce",
                "Stakeholder management"},
               {"tenders with public agencies", "framework agreements", "research institutions", "public hospitals"})},
         strings({"Salesforce", "Negotiation", "Public speaking", "Presentation design", "HubSpot", "Excel",
                  "Storytelling", "Product demos", "Cold calling", "Account management"})});
    list.append(
        {u"Marketing"_qs,
         u"Chief Marketing Officer"_qs,
         7,
         false,
         {team("Product Marketing", {"Product Marketing Manager"}, "Product Marketing Lead",
               {"Product marketing", "Go-to-market strategy", "Competitive analysis", "Storytelling", "Market research",
                "Copywriting", "Presentation design", "Public speaking"},
               {"launch plans", "positioning for the new arm", "sales enablement decks", "competitive battle cards"}),
          team("Demand Generation", {"Demand Generation Manager", "Marketing Operations Specialist"},
               "Demand Generation Lead",
               {"Demand generation", "Marketing automation", "Marketo", "HubSpot", "Google Ads", "SEM",
                "Email marketing", "Marketing analytics", "Salesforce", "Webinars"},
               {"pipeline campaigns", "our webinar series", "lead scoring", "paid acquisition"}),
          team("Content Marketing", {"Content Marketing Manager", "Content Writer", "Video Producer"}, "Content Lead",
               {"Content marketing", "Copywriting", "SEO", "Video production", "Podcast production",
                "Social media marketing", "Storytelling", "Community management"},
               {"the company blog", "customer stories", "our podcast", "the developer newsletter"}),
          team("Communications", {"Communications Manager", "PR Manager"}, "Communications Lead",
               {"Public relations", "Crisis communication", "Copywriting", "Storytelling", "Public speaking",
                "Social media marketing", "Influencer marketing"},
               {"press relations", "internal communications", "executive speaking slots", "our social channels"}),
          team("Events", {"Event Manager", "Field Marketing Manager"}, "Events Lead",
               {"Event management", "Vendor management", "Budget management", "Project management", "Webinars",
                "Localization"},
               {"our user conference", "trade fairs in Hanover and Chicago", "customer roadshows",
                "the partner summit"})},
         strings({"Google Analytics", "SEO", "Copywriting", "HubSpot", "Excel", "Storytelling", "Brand strategy",
                  "Localization", "Market research", "Figma"})});
    list.append({u"Finance"_qs,
                 u"Chief Financial Officer"_qs,
                 5,
                 false,
                 {team("Accounting", {"Accountant", "Financial Accountant"}, "Accounting Manager",
                       {"IFRS", "US GAAP", "HGB", "Financial reporting", "Consolidation", "Revenue recognition",
                        "Accounts payable", "Accounts receivable", "SAP FI/CO", "DATEV", "Audit", "Excel"},
                       {"the monthly close", "our group consolidation", "the annual audit", "revenue recognition"}),
                  team("Financial Planning & Analysis", {"Financial Analyst", "FP&A Analyst"}, "FP&A Manager",
                       {"FP&A", "Financial modeling", "Budgeting", "Financial forecasting", "Excel",
                        "Management accounting", "Power BI", "SQL", "Investor relations"},
                       {"the annual budget", "headcount planning", "board reporting", "unit economics"}),
                  team("Payroll", {"Payroll Specialist", "Payroll Analyst"}, "Payroll Manager",
                       {"Payroll", "SAP payroll", "DATEV", "Employment law", "Workday", "Excel", "Compliance"},
                       {"payroll in twelve countries", "our move to a new payroll system", "equity payroll",
                        "year-end tax forms"}),
                  team("Tax", {"Tax Manager", "Tax Analyst"}, "Tax Lead",
                       {"Corporate tax", "Transfer pricing", "VAT", "IFRS", "Compliance", "Excel"},
                       {"transfer pricing", "VAT filings", "tax for new entities", "R&D tax credits"}),
                  team("Procurement", {"Procurement Specialist", "Buyer"}, "Procurement Manager",
                       {"Procurement", "Vendor management", "Negotiation", "Supply chain management",
                        "Contract management", "SAP S/4HANA", "Oracle NetSuite"},
                       {"supplier contracts", "component sourcing", "software purchasing", "our vendor review"}),
                  team("Treasury", {"Treasury Analyst"}, "Treasury Manager",
                       {"Treasury", "Cash management", "Financial modeling", "Excel", "Mergers and acquisitions"},
                       {"cash forecasting", "FX hedging", "banking relationships", "funding rounds"})},
                 strings({"Excel", "SAP S/4HANA", "Oracle NetSuite", "Budgeting", "Internal controls", "SOX compliance",
                          "Cost accounting", "Expense management", "Power BI", "SQL"})});
    list.append(
        {u"Legal"_qs,
         u"General Counsel"_qs,
         2,
         false,
         {team("Commercial Legal", {"Legal Counsel", "Commercial Counsel"}, "Commercial Legal Lead",
               {"Contract law", "Commercial contracts", "Negotiation", "Software licensing", "Contract management",
                "Litigation", "Competition law"},
               {"customer contracts", "our standard terms", "supplier agreements", "reseller agreements"}),
          team("Privacy & Compliance", {"Privacy Counsel", "Compliance Manager", "Data Protection Officer"},
               "Privacy Lead",
               {"GDPR", "Data protection", "CCPA", "Privacy impact assessments", "Compliance", "EU AI Act", "ISO 27001",
                "SOC 2", "Export control"},
               {"GDPR requests", "our privacy programme", "AI Act readiness", "export control checks"}),
          team("Corporate & IP", {"Corporate Counsel", "IP Counsel", "Paralegal"}, "Corporate Legal Lead",
               {"Corporate law", "Intellectual property", "Patent law", "Trademark law", "Open source licensing",
                "Mergers and acquisitions", "Legal research", "Product safety regulation", "Regulatory affairs"},
               {"our patent portfolio", "open source compliance", "board matters", "robot safety certification"})},
         strings({"Contract law", "Legal research", "Negotiation", "Employment law", "Compliance", "Data protection",
                  "French", "German"})});
    list.append({u"People"_qs,
                 u"Chief People Officer"_qs,
                 5,
                 false,
                 {team("Recruiting", {"Recruiter", "Technical Recruiter", "Sourcer"}, "Recruiting Manager",
                       {"Recruiting", "Technical recruiting", "Sourcing", "Interviewing", "Employer branding",
                        "LinkedIn Sales Navigator", "Workday", "Personio", "Immigration and relocation"},
                       {"hiring engineers", "our interview process", "campus recruiting", "relocation to Berlin"}),
                  team("People Operations", {"People Partner", "HR Generalist", "People Operations Specialist"},
                       "People Operations Manager",
                       {"Employee relations", "Employment law", "Performance management", "Onboarding", "Workday",
                        "Personio", "HR analytics", "Labor relations", "Change management"},
                       {"onboarding new joiners", "our works council", "performance reviews", "people policies"}),
                  team("Learning & Development", {"Learning Partner", "Leadership Coach"}, "Learning Lead",
                       {"Learning and development", "Coaching", "Facilitation", "Mentoring", "Workshop design",
                        "Public speaking", "Change management"},
                       {"our manager training", "mentoring circles", "the learning budget", "leadership offsites"}),
                  team("Total Rewards", {"Compensation Analyst", "Benefits Specialist"}, "Total Rewards Lead",
                       {"Compensation and benefits", "Excel", "HR analytics", "Workforce planning", "Payroll",
                        "Organizational design"},
                       {"salary bands", "our equity plan", "benefits in every country", "pay equity reviews"})},
                 strings({"Interviewing", "Coaching", "Diversity and inclusion", "Employment law", "Excel",
                          "Facilitation", "Conflict resolution", "Workday"})});
    list.append(
        {u"Customer Support"_qs,
         u"VP of Customer Support"_qs,
         10,
         false,
         {team("Frontline Support", {"Support Specialist", "Customer Support Agent"}, "Support Team Lead",
               {"Customer support", "Zendesk", "Troubleshooting", "De-escalation", "Live chat support",
                "Knowledge base writing", "Intercom"},
               {"first-line support", "our help centre", "chat support", "weekend coverage"}),
          team("Technical Support", {"Support Engineer", "Field Service Engineer"}, "Support Engineering Manager",
               {"Troubleshooting", "Root cause analysis", "Linux", "Escalation management", "Python", "SQL",
                "Jira Service Management", "TCP/IP networking", "ROS", "Electrical engineering"},
               {"second-line escalations", "on-site robot repairs", "field diagnostics", "our support tooling"}),
          team("Customer Success", {"Customer Success Manager", "Onboarding Specialist"}, "Customer Success Lead",
               {"Customer success", "Customer onboarding", "Account management", "Technical account management",
                "Stakeholder management", "Gong", "Salesforce"},
               {"customer onboarding", "adoption at new sites", "health scores", "customer training"}),
          team("Support Operations", {"Support Operations Analyst"}, "Support Operations Manager",
               {"Support operations", "Zendesk", "ITIL", "SQL", "Process improvement", "Workforce planning",
                "Data visualization"},
               {"support tooling", "staffing forecasts", "our ticket taxonomy", "support metrics"})},
         strings({"Customer support", "Troubleshooting", "Zendesk", "Jira", "Knowledge base writing",
                  "Conflict resolution", "Salesforce", "Excel"})});
    list.append(
        {u"Operations"_qs,
         u"Chief Operating Officer"_qs,
         8,
         false,
         {team("IT", {"IT Support Engineer", "Systems Administrator", "IT Engineer"}, "IT Manager",
               {"IT support", "Microsoft 365", "Google Workspace", "Okta", "Jamf", "Microsoft Intune",
                "macOS administration", "Windows administration", "Active Directory", "Network administration",
                "Identity and access management", "PowerShell", "Bash"},
               {"laptops for new joiners", "single sign-on", "office networks", "our device fleet"}),
          team("Security Operations", {"Security Analyst", "SOC Analyst"}, "Security Operations Manager",
               {"SIEM", "Incident response", "Vulnerability management", "Malware analysis", "Threat modeling",
                "ISO 27001", "SOC 2", "Identity and access management", "Python"},
               {"the security operations centre", "phishing drills", "our ISO 27001 certification",
                "incident response"}),
          team("Workplace", {"Workplace Coordinator", "Office Manager", "Facilities Coordinator"}, "Workplace Manager",
               {"Facilities management", "Workplace safety", "Vendor management", "Travel management",
                "Event management", "Budget management"},
               {"our offices", "the new Warsaw office", "company travel", "the summer party"}),
          team("Supply Chain", {"Supply Chain Planner", "Logistics Coordinator", "Manufacturing Engineer"},
               "Supply Chain Manager",
               {"Supply chain management", "Logistics", "Procurement", "Manufacturing", "SAP S/4HANA", "Lean Six Sigma",
                "Excel", "Export control"},
               {"robot deliveries", "spare parts logistics", "contract manufacturing", "customs and shipping"}),
          team("Business Operations", {"Business Operations Analyst", "Program Manager", "Chief of Staff"},
               "Business Operations Lead",
               {"Business operations", "Program management", "Project management", "Strategic planning", "OKRs",
                "Excel", "SQL", "Process improvement", "PMP", "PRINCE2"},
               {"company planning", "our OKR process", "cross-functional programmes", "operating reviews"})},
         strings({"Excel", "Project management", "Vendor management", "Process improvement", "Google Workspace",
                  "Microsoft 365", "Business continuity planning", "Asset management"})});
    return list;
}

} // namespace

const QList<Culture> &cultures()
{
    static const QList<Culture> list = makeCultures();
    return list;
}

const QList<Office> &offices()
{
    static const QList<Office> list = makeOffices();
    return list;
}

const QList<Department> &departments()
{
    static const QList<Department> list = makeDepartments();
    return list;
}

const QStringList &skillTaxonomy()
{
    static const QStringList list = makeTaxonomy();
    return list;
}

const QStringList &spokenLanguages()
{
    static const QStringList list = strings({
        "English",
        "German",
        "French",
        "Spanish",
        "Portuguese",
        "Italian",
        "Dutch",
        "Polish",
        "Swedish",
        "Danish",
        "Norwegian",
        "Finnish",
        "Japanese",
        "Korean",
        "Mandarin",
        "Cantonese",
        "Hindi",
        "Kannada",
        "Tamil",
        "Telugu",
        "Bengali",
        "Marathi",
        "Malayalam",
        "Arabic",
        "Hebrew",
        "Turkish",
        "Russian",
        "Ukrainian",
        "Greek",
        "Swahili",
        "Yoruba",
        "Igbo",
        "Hausa",
        "Irish",
        "Czech",
        "Romanian",
        "Vietnamese",
        "Thai",
        "Indonesian",
        "Tagalog",
        "Persian",
        "German Sign Language",
        "British Sign Language",
    });
    return list;
}

const QStringList &generalSkills()
{
    static const QStringList list = strings({"Public speaking",
                                             "Leadership",
                                             "Strategic planning",
                                             "Conflict resolution",
                                             "Presentation design",
                                             "Cross-functional collaboration",
                                             "Remote collaboration",
                                             "Decision making",
                                             "Storytelling",
                                             "Excel",
                                             "Project management",
                                             "Agile",
                                             "Jira",
                                             "Confluence",
                                             "Google Workspace",
                                             "Microsoft 365",
                                             "Mentoring",
                                             "Technical writing",
                                             "Facilitation",
                                             "Workshop design",
                                             "Python",
                                             "SQL",
                                             "Data visualization"});
    return list;
}

const QStringList &interestNames()
{
    static const QStringList list = strings({"Bouldering",
                                             "Trail running",
                                             "Road cycling",
                                             "Mountain biking",
                                             "Sourdough baking",
                                             "Chess",
                                             "Go (board game)",
                                             "Photography",
                                             "Film photography",
                                             "Birdwatching",
                                             "Gardening",
                                             "Board games",
                                             "Tabletop role-playing games",
                                             "Video games",
                                             "Retro computing",
                                             "Mechanical keyboards",
                                             "Home automation",
                                             "3D printing",
                                             "Woodworking",
                                             "Pottery",
                                             "Knitting",
                                             "Sewing",
                                             "Watercolour painting",
                                             "Calligraphy",
                                             "Piano",
                                             "Guitar",
                                             "Jazz",
                                             "Choir singing",
                                             "Salsa dancing",
                                             "Tango",
                                             "Yoga",
                                             "Meditation",
                                             "Marathons",
                                             "Swimming",
                                             "Surfing",
                                             "Sailing",
                                             "Kayaking",
                                             "Skiing",
                                             "Snowboarding",
                                             "Hiking",
                                             "Camping",
                                             "Mountaineering",
                                             "Football",
                                             "Basketball",
                                             "Cricket",
                                             "Tennis",
                                             "Badminton",
                                             "Table tennis",
                                             "Volleyball",
                                             "Rugby",
                                             "Baseball",
                                             "Formula 1",
                                             "Cooking",
                                             "Vegan cooking",
                                             "Specialty coffee",
                                             "Tea",
                                             "Wine",
                                             "Craft beer",
                                             "Travel",
                                             "Learning languages",
                                             "Science fiction",
                                             "Poetry",
                                             "Podcasts",
                                             "Astronomy",
                                             "Open source",
                                             "Hackathons",
                                             "Volunteering",
                                             "Urban gardening",
                                             "Beekeeping",
                                             "Fishing",
                                             "Dogs",
                                             "Cats",
                                             "History",
                                             "Philosophy",
                                             "Economics",
                                             "Stand-up comedy",
                                             "Theatre",
                                             "Opera",
                                             "Museums",
                                             "Architecture",
                                             "Vinyl records",
                                             "DJing",
                                             "Karaoke",
                                             "Anime",
                                             "Manga",
                                             "K-pop",
                                             "Bollywood films",
                                             "Origami",
                                             "Crosswords",
                                             "Jigsaw puzzles",
                                             "Lego",
                                             "Model trains",
                                             "Drones",
                                             "Amateur radio",
                                             "Electronics",
                                             "Robot competitions",
                                             "Ceramics",
                                             "Capoeira",
                                             "Judo",
                                             "Karate",
                                             "Fencing",
                                             "Horse riding",
                                             "Calisthenics",
                                             "Pilates",
                                             "Fermentation",
                                             "Cocktails",
                                             "Running clubs",
                                             "Cold-water swimming",
                                             "Bird photography",
                                             "Sudoku",
                                             "Ultimate frisbee",
                                             "Padel",
                                             "Snorkelling",
                                             "Scuba diving",
                                             "Mathematics",
                                             "Analog synthesizers",
                                             "Cycling touring",
                                             "Ballet"});
    return list;
}

const QStringList &bioOpeners()
{
    // %1 title, %2 team, %3 city, %4 company, %5 year, %6 first name
    static const QStringList list = strings({
        "%1 in %2, based in %3.",
        "I joined %4 in %5 and work in %2 from our %3 office.",
        "%1 at %4, working out of %3.",
        "Hi, I'm %6! I work in %2 in %3.",
        "Part of %2 since %5, based in %3.",
        "%6 here: %1, %3 office.",
        "%1 on the %2 team in %3.",
        "Based in %3, I've been with %4 since %5.",
    });
    return list;
}

const QStringList &bioLeaderOpeners()
{
    // For titles that already name the team: %1 title, %3 city, %4 company, %5 year, %6 first name
    static const QStringList list = strings({
        "%1, based in %3.",
        "%1 at %4 since %5, working out of %3.",
        "Hi, I'm %6, %1 in our %3 office.",
    });
    return list;
}

const QStringList &bioFocusSentences()
{
    // %1 and %2 are focus areas of the team
    static const QStringList list = strings({
        "Most days I work on %1.",
        "These days my focus is %1.",
        "I spend my time on %1 and %2.",
        "Right now I'm busy with %1.",
        "I look after %1.",
        "My team owns %1, and I also help out with %2.",
        "Lately: %1.",
    });
    return list;
}

const QStringList &bioSkillSentences()
{
    // %1, %2 are skills the person knows well; %3 one they are learning. Skill names keep
    // their own capitals, so they follow a colon rather than sit mid-sentence.
    static const QStringList list = strings({
        "Ask me about: %1, %2.",
        "Happy to help with: %1.",
        "Always glad to pair on: %1.",
        "Strengths: %1 and %2.",
        "Currently learning: %3.",
        "Go-to person for: %1. Learning: %3.",
        "Known for: %1, %2.",
    });
    return list;
}

const QStringList &bioPersonalSentences()
{
    // %1, %2 interests; %3 a fun fact; %4 a past employer
    static const QStringList list = strings({
        "Outside work: %1 and %2.",
        "Away from my desk: %1.",
        "Fun fact: %3.",
        "Previously at %4.",
        "Before this I was at %4.",
        "Hobbies: %1, %2.",
        "Weekends: %1 and %2.",
    });
    return list;
}

const QStringList &funFacts()
{
    static const QStringList list = strings({
        "I once repaired a robot arm with a paper clip",
        "I have visited every office except Lagos (yet)",
        "I grew up on a vineyard",
        "I can solve a Rubik's cube in under a minute",
        "I used to be a professional chef",
        "I have run a marathon on three continents",
        "I was an extra in a Bollywood film",
        "I keep bees on the office roof",
        "I speak to my plants in four languages",
        "I built my first computer from a kit",
        "I keep a replica of Grace Hopper's nanosecond wire on my desk",
        "I have a cat named Segfault",
        "I play the bagpipes, badly",
        "I collect vintage calculators",
        "I hold a regional record in competitive origami",
        "my first job was selling ice cream on a beach",
        "I have never lost a game of table football at the office",
        "I named our test robots after jazz musicians",
    });
    return list;
}

const QStringList &pastEmployers()
{
    static const QStringList list = strings({
        "a fintech start-up in Lisbon",
        "a car maker in Stuttgart",
        "a big search company",
        "a logistics company in Rotterdam",
        "a games studio in Montréal",
        "a consultancy in London",
        "a university robotics lab",
        "a hospital in São Paulo",
        "an airline in Dubai",
        "a telecom operator in Nairobi",
        "a bank in Zürich",
        "a retail chain in Mexico City",
        "an e-commerce company in Bengaluru",
        "a public broadcaster",
        "an open source foundation",
        "a drone start-up in Shenzhen",
        "a newspaper in Madrid",
        "a space agency contractor",
    });
    return list;
}

QStringList dataProblems()
{
    QStringList problems;
    QSet<QString> keys;
    for (const QString &skill : skillTaxonomy()) {
        const QString key = canonicalSkillKey(skill);
        if (keys.contains(key))
            problems.append(u"taxonomy lists \"%1\" twice (key \"%2\")"_qs.arg(skill, key));
        keys.insert(key);
    }
    auto checkSkills = [&](const QStringList &skills, const QString &where) {
        for (const QString &skill : skills) {
            if (!keys.contains(canonicalSkillKey(skill)))
                problems.append(u"%1 uses \"%2\", which is not in the taxonomy"_qs.arg(where, skill));
        }
    };
    checkSkills(generalSkills(), u"general skills"_qs);
    for (const Culture &c : cultures()) {
        checkSkills(c.languages, u"culture "_qs + c.id);
        if (c.female.isEmpty() || c.male.isEmpty() || c.family.isEmpty() || c.languages.isEmpty())
            problems.append(u"culture %1 has an empty list"_qs.arg(c.id));
        if (c.familyFemale.size() != c.family.size())
            problems.append(u"culture %1: female family names are not parallel"_qs.arg(c.id));
        for (const QList<NamePart> *names : {&c.female, &c.male, &c.family, &c.familyFemale}) {
            for (const NamePart &name : *names) {
                if (name.slug.isEmpty())
                    problems.append(u"culture %1: \"%2\" has no Latin letters"_qs.arg(c.id, name.latin));
            }
        }
    }
    for (const Department &d : departments()) {
        checkSkills(d.secondarySkills, u"department "_qs + d.name);
        if (d.teams.isEmpty())
            problems.append(u"department %1 has no teams"_qs.arg(d.name));
        for (const Team &t : d.teams) {
            checkSkills(t.coreSkills, u"team "_qs + t.name);
            if (t.icRoles.isEmpty() || t.focus.size() < 2 || t.coreSkills.size() < 4)
                problems.append(u"team %1 needs roles, two focus areas and four skills"_qs.arg(t.name));
        }
    }
    for (const Office &o : offices()) {
        if (o.cultures.isEmpty() || o.cultures.size() != o.cultureWeights.size())
            problems.append(u"office %1 has no name mix"_qs.arg(o.city));
    }
    return problems;
}

} // namespace Colleagues::Demo
