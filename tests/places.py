"""One set of place fixtures for every test: real gazetteer keys, names and coordinates.

``test_place_fixtures.py`` checks each one against the offline gazetteer, so a fixture cannot drift
from what the pipeline would produce (Stevenage once had three different ids across test files).
"""

from __future__ import annotations

from dashboard.models import Location


def loc(key: str, name: str, kind: str, country: str | None, lat: float, lon: float, **names: str) -> Location:
    return Location(key=key, name=name, kind=kind, country=country, lat=lat, lon=lon, names=tuple(names.items()))


# the Kazakh side
KAZAKHSTAN = loc("cc:KZ", "Kazakhstan", "country", "KZ", 46.9, 69.78, en="Kazakhstan", ru="Казахстан",
                 kk="Қазақстан")
SHYMKENT = loc("gn:1518980", "Shymkent", "city", "KZ", 42.31, 69.6, en="Shymkent", ru="Шымкент", kk="Шымкент")
TURKISTAN_REGION = loc("adm:KZ-61", "Turkistan Region", "region", "KZ", 43.3, 68.6, en="Turkistan Region",
                       ru="Туркестанская область", kk="Түркістан облысы")
TURKISTAN = loc("gn:1517945", "Turkistan", "city", "KZ", 43.29, 68.26, en="Turkistan", ru="Туркестан", kk="Түркістан")
SAYRAM_DISTRICT = loc("adm:KZ-SAY", "Sayram District", "region", "KZ", 42.35, 69.85)
ASTANA = loc("gn:1526273", "Astana", "city", "KZ", 51.18, 71.45, en="Astana", ru="Астана", kk="Астана")
ALMATY = loc("gn:1526384", "Almaty", "city", "KZ", 43.25, 76.91)
ATYRAU = loc("gn:610529", "Atyrau", "city", "KZ", 47.1, 51.88)
JAMBYL_REGION = loc("adm:KZ-31", "Jambyl Region", "region", "KZ", 44.0, 71.5)
TARAZ = loc("gn:1516905", "Taraz", "city", "KZ", 42.9, 71.37)
KARAGANDA_REGION = loc("adm:KZ-35", "Karaganda Region", "region", "KZ", 48.5, 74.0)
KARAGANDY = loc("gn:609655", "Karagandy", "city", "KZ", 49.8, 73.1)
MANGYSTAU_REGION = loc("adm:KZ-47", "Mangystau Region", "region", "KZ", 44.3, 53.5)
ABAI_REGION = loc("adm:KZ-10", "Abai Region", "region", "KZ", 49.5, 80.0)
SEMEY = loc("gn:1519422", "Semey", "city", "KZ", 50.42, 80.25)

# partners
UNITED_KINGDOM = loc("cc:GB", "United Kingdom", "country", "GB", 52.33, -1.45)
STEVENAGE = loc("gn:2636940", "Stevenage", "city", "GB", 51.9, -0.2, en="Stevenage", ru="Стивенедж",
                kk="Стивенедж")
HERTFORDSHIRE = loc("adm:GB-HRT", "Hertfordshire", "region", "GB", 51.8, -0.24)
LONDON = loc("gn:2643743", "London", "city", "GB", 51.51, -0.13)
MANCHESTER = loc("gn:2643123", "Manchester", "city", "GB", 53.48, -2.24)
SLOVENIA = loc("cc:SI", "Slovenia", "country", "SI", 46.23, 15.11)
MARIBOR = loc("gn:3195506", "Maribor", "city", "SI", 46.56, 15.65, en="Maribor", ru="Марибор", kk="Марибор")
STYRIA = loc("adm:SI-STY", "Styria", "region", "SI", 46.45, 15.6)
SOUTH_KOREA = loc("cc:KR", "South Korea", "country", "KR", 36.22, 127.32)
SEOUL = loc("gn:1835848", "Seoul", "city", "KR", 37.57, 126.98)
GYEONGJU = loc("gn:1841603", "Gyeongju", "city", "KR", 35.84, 129.21)
DAEJEON = loc("gn:1835235", "Daejeon", "city", "KR", 36.35, 127.38)
JAPAN = loc("cc:JP", "Japan", "country", "JP", 35.48, 137.87)
TOKYO = loc("gn:1850147", "Tokyo", "city", "JP", 35.69, 139.69, en="Tokyo", ru="Токио", kk="Токио")
CHINA = loc("cc:CN", "China", "country", "CN", 31.27, 109.74)
URUMQI = loc("gn:1529102", "Ürümqi", "city", "CN", 43.8, 87.6)
DUBAI = loc("gn:292223", "Dubai", "city", "AE", 25.08, 55.31)
UZBEKISTAN = loc("cc:UZ", "Uzbekistan", "country", "UZ", 40.75, 68.97)
SAMARKAND = loc("gn:1216265", "Samarkand", "city", "UZ", 39.65, 66.96)
TASHKENT = loc("gn:1512569", "Tashkent", "city", "UZ", 41.26, 69.22)
ISTANBUL = loc("gn:745044", "Istanbul", "city", "TR", 41.01, 28.95)
RUSSIA = loc("cc:RU", "Russian Federation", "country", "RU", 55.45, 42.35)
TURKIYE = loc("cc:TR", "Türkiye", "country", "TR", 39.18, 32.81)
BURSA = loc("gn:750269", "Bursa", "city", "TR", 40.2, 29.06)
GEORGIA = loc("cc:GE", "Georgia", "country", "GE", 42.0, 42.99)
GEORGIA_US_STATE = loc("adm:US-GA", "Georgia", "region", "US", 32.7, -83.4)
TBILISI = loc("gn:611717", "Tbilisi", "city", "GE", 41.69, 44.83)
HELSINKI = loc("gn:658225", "Helsinki", "city", "FI", 60.17, 24.94, en="Helsinki", ru="Хелсинки", kk="Хелсинки")
ETHIOPIA = loc("cc:ET", "Ethiopia", "country", "ET", 9.05, 38.46)
ADDIS_ABABA = loc("gn:344979", "Addis Ababa", "city", "ET", 9.02, 38.75)
NORWAY = loc("cc:NO", "Norway", "country", "NO", 59.83, 10.4)
KUWAIT = loc("cc:KW", "Kuwait", "country", "KW", 29.29, 48.07)
MEXICO = loc("cc:MX", "Mexico", "country", "MX", 19.78, -99.31)
KYRGYZSTAN = loc("cc:KG", "Kyrgyzstan", "country", "KG", 41.35, 72.9)
BISHKEK = loc("gn:1528675", "Bishkek", "city", "KG", 42.87, 74.59)
OSH = loc("gn:1527534", "Osh", "city", "KG", 40.53, 72.8)
BELARUS = loc("cc:BY", "Belarus", "country", "BY", 53.59, 27.57)
POLAND = loc("cc:PL", "Poland", "country", "PL", 51.78, 18.99)
KATOWICE = loc("gn:3096472", "Katowice", "city", "PL", 50.26, 19.02)
AZERBAIJAN = loc("cc:AZ", "Azerbaijan", "country", "AZ", 40.44, 48.55)
BAKU = loc("gn:587084", "Baku", "city", "AZ", 40.38, 49.89)
GANJA = loc("gn:586523", "Ganja", "city", "AZ", 40.68, 46.36)
ASHGABAT = loc("gn:162183", "Ashgabat", "city", "TM", 37.95, 58.38)
GAZIANTEP = loc("gn:314830", "Gaziantep", "city", "TR", 37.06, 37.38)
DENIZLI = loc("gn:317109", "Denizli", "city", "TR", 37.77, 29.09)
OMSK_OBLAST = loc("adm:RU-OMS", "Omsk Oblast", "region", "RU", 55.5, 73.5)
XINJIANG = loc("adm:CN-XJ", "Xinjiang", "region", "CN", 41.5, 85.5)
EUROPEAN_UNION = loc("org:EU", "European Union", "organization", None, 50.85, 4.35)
AFRICAN_UNION = loc("org:AU", "African Union", "organization", None, 9.03, 38.74,
                    en="African Union", ru="Африканский союз", kk="Африка одағы")

ALL = {name: value for name, value in dict(globals()).items() if isinstance(value, Location)}
