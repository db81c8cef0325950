"""Word lists for the built-in entity extractor: general knowledge, written by hand.

Everything here is what any French or English reader of the news knows: countries, capitals and
big cities, regions, international bodies and household-name companies, common first names,
titles and the words that announce a person, a company or a place. It is deliberately *not* a
list of the names in any particular article: the extractor must work on articles it has never
seen, and it reaches most names through context cues, not through these lists.

Lists are written as ``;``-separated strings (compact, easy to review) and folded once at import
with :func:`key`, so lookups ignore case, accents, apostrophe style and hyphens.
"""

from __future__ import annotations

from functools import lru_cache

from alireader.core.text import fold


def _folded(*groups: str) -> frozenset[str]:
    """The keys of ``;``-separated lists (blank items ignored): see :func:`key`."""
    return frozenset(key(item) for group in groups for item in group.split(";") if item.strip())


def keys_of(*groups: str) -> frozenset[str]:
    """The keys of whitespace-separated words: see :func:`key`."""
    return frozenset(key(word) for group in groups for word in group.split())


@lru_cache(maxsize=1 << 17)
def key(name: str) -> str:
    """A name or word as these lists hold it: folded (case, accents, apostrophes), hyphens
    as spaces, so "Jean-Pierre", "jean pierre" and "JEAN PIERRE" are one key."""
    return fold(name.replace("-", " ")).strip()


# --- Places ---------------------------------------------------------------------------------

_COUNTRIES_FR = """
Afghanistan; Afrique du Sud; Albanie; Algérie; Allemagne; Andorre; Angola; Arabie saoudite;
Argentine; Arménie; Australie; Autriche; Azerbaïdjan; Bahreïn; Bangladesh; Belgique; Bénin;
Biélorussie; Birmanie; Bolivie; Bosnie; Bosnie-Herzégovine; Botswana; Brésil; Bulgarie;
Burkina Faso; Burundi; Cambodge; Cameroun; Canada; Chili; Chine; Chypre; Colombie; Comores;
Congo; Corée du Nord; Corée du Sud; Corée; Costa Rica; Côte d'Ivoire; Croatie; Cuba; Danemark;
Djibouti; Égypte; Émirats arabes unis; Équateur; Érythrée; Espagne; Estonie; États-Unis;
Etats-Unis; Éthiopie; Finlande; France; Gabon; Gambie; Géorgie; Ghana; Grèce; Guatemala;
Guinée; Haïti; Honduras; Hongrie; Inde; Indonésie; Irak; Iran; Irlande; Islande; Israël;
Italie; Jamaïque; Japon; Jordanie; Kazakhstan; Kenya; Kosovo; Koweït; Laos; Lettonie; Liban;
Liberia; Libye; Liechtenstein; Lituanie; Luxembourg; Macédoine du Nord; Madagascar; Malaisie;
Malawi; Mali; Malte; Maroc; Maurice; Mauritanie; Mexique; Moldavie; Monaco; Mongolie;
Monténégro; Mozambique; Namibie; Népal; Nicaragua; Niger; Nigeria; Norvège;
Nouvelle-Zélande; Oman; Ouganda; Ouzbékistan; Pakistan; Palestine; Panama; Paraguay; Pays-Bas;
Pérou; Philippines; Pologne; Portugal; Qatar; République tchèque; République centrafricaine;
République démocratique du Congo; RDC; Roumanie; Royaume-Uni; Russie; Rwanda; Salvador;
Sénégal; Serbie; Sierra Leone; Singapour; Slovaquie; Slovénie; Somalie; Soudan; Soudan du Sud;
Sri Lanka; Suède; Suisse; Syrie; Tadjikistan; Taïwan; Taiwan; Tanzanie; Tchad; Tchéquie;
Thaïlande; Togo; Tunisie; Turkménistan; Turquie; Ukraine; Uruguay; Venezuela; Vietnam;
Viêt Nam; Yémen; Zambie; Zimbabwe; Grande-Bretagne; Angleterre; Écosse; Pays de Galles;
Irlande du Nord; Corse; Martinique; Guadeloupe; Guyane; La Réunion; Mayotte;
Nouvelle-Calédonie; Polynésie française; Groenland; Tibet; Crimée; Gaza; Cisjordanie
"""

_COUNTRIES_EN = """
Algeria; Argentina; Australia; Austria; Belgium; Bolivia; Brazil; Bulgaria; Cambodia;
Cameroon; Chile; China; Colombia; Croatia; Cyprus; Czech Republic; Czechia; Denmark; Egypt;
England; Estonia; Ethiopia; Finland; Germany; Great Britain; Britain; Greece; Hungary; Iceland;
India; Indonesia; Iraq; Ireland; Israel; Italy; Jamaica; Japan; Jordan; Kenya; Korea;
North Korea; South Korea; Kuwait; Latvia; Lebanon; Libya; Lithuania; Malaysia; Mexico;
Mongolia; Morocco; Netherlands; New Zealand; Nigeria; Norway; Pakistan; Peru; Poland;
Portugal; Romania; Russia; Saudi Arabia; Scotland; Senegal; Serbia; Singapore; Slovakia;
Slovenia; South Africa; Spain; Sweden; Switzerland; Syria; Taiwan; Tanzania; Thailand;
Tunisia; Turkey; Uganda; Zambia; Zimbabwe;
Ghana;
Mali; Niger; Chad; Sudan; Somalia; Rwanda; Angola; Mozambique; Afghanistan; Bangladesh;
Myanmar; Burma; Nepal; Sri Lanka; Kazakhstan; Uzbekistan; Georgia; Armenia; Azerbaijan;
Belarus; Moldova; Albania; Kosovo; Montenegro; Bosnia; North Macedonia; Malta; Chile;
Ecuador; Uruguay; Paraguay; Panama; Costa Rica; Guatemala; Honduras; Haiti; Ivory Coast;
Congo; Democratic Republic of Congo; Gabon; Benin; Togo; Guinea; Liberia; Sierra Leone;
Madagascar; Mauritius; Namibia; Botswana; Oman; Bahrain; Laos; Ethiopia; Eritrea; Djibouti;
Ukraine; United Kingdom; UK; United States; United States of America; USA; US; U.S.; America;
Venezuela; Vietnam; Wales; Yemen; United Arab Emirates; UAE; Philippines; Qatar; Iran; Cuba;
Canada; France; Luxembourg; Monaco; Greenland; Hong Kong; Macau
"""

_CITIES = """
Paris; Marseille; Lyon; Toulouse; Nice; Nantes; Montpellier; Strasbourg; Bordeaux; Lille;
Rennes; Reims; Toulon; Saint-Étienne; Le Havre; Grenoble; Dijon; Angers; Nîmes; Villeurbanne;
Clermont-Ferrand; Le Mans; Aix-en-Provence; Brest; Tours; Amiens; Limoges; Annecy; Perpignan;
Metz; Besançon; Orléans; Rouen; Mulhouse; Caen; Nancy; Argenteuil; Montreuil; Roubaix;
Tourcoing; Avignon; Poitiers; Versailles; Pau; La Rochelle; Calais; Cannes; Antibes; Ajaccio;
Bastia; Bayonne; Biarritz; Lorient; Vannes; Quimper; Saint-Malo; Cherbourg; Dunkerque;
Valence; Chambéry; Troyes; Colmar; Lourdes; Vichy; Chamonix; Saint-Denis; Boulogne-Billancourt;
Nanterre; Créteil; Bobigny; Évry; Cergy; Marne-la-Vallée; La Défense; Fort-de-France;
Pointe-à-Pitre; Cayenne; Nouméa; Papeete;
Londres; London; Berlin; Munich; Francfort; Frankfurt; Hambourg; Hamburg; Cologne; Düsseldorf;
Bruxelles; Brussels; Anvers; Antwerp; Liège; Genève; Geneva; Zurich; Lausanne; Berne; Bâle;
Basel; Amsterdam; Rotterdam; La Haye; The Hague; Luxembourg; Madrid; Barcelone; Barcelona;
Séville; Seville; Valence; Bilbao; Lisbonne; Lisbon; Porto; Rome; Milan; Naples; Turin; Venise;
Venice; Florence; Vienne; Vienna; Prague; Budapest; Varsovie; Warsaw; Cracovie; Krakow;
Bucarest; Bucharest; Sofia; Athènes; Athens; Belgrade; Zagreb; Copenhague; Copenhagen;
Stockholm; Oslo; Helsinki; Dublin; Édimbourg; Edinburgh; Manchester; Liverpool; Birmingham;
Glasgow; Moscou; Moscow; Saint-Pétersbourg; St Petersburg; Kiev; Kyiv; Kharkiv; Odessa; Minsk;
Istanbul; Ankara; Jérusalem; Jerusalem; Tel-Aviv; Tel Aviv; Beyrouth; Beirut; Damas; Damascus;
Bagdad; Baghdad; Téhéran; Tehran; Riyad; Riyadh; Dubaï; Dubai; Abou Dhabi; Abu Dhabi; Doha;
Le Caire; Cairo; Alger; Algiers; Oran; Tunis; Rabat; Casablanca; Marrakech; Tanger; Dakar;
Abidjan; Bamako; Niamey; Ouagadougou; Lagos; Abuja; Nairobi; Addis-Abeba; Addis Ababa;
Kinshasa; Brazzaville; Libreville; Yaoundé; Douala; Johannesburg; Le Cap; Cape Town;
Pékin; Beijing; Shanghai; Shenzhen; Canton; Guangzhou; Hangzhou; Wuhan; Hong Kong; Macao;
Tokyo; Osaka; Kyoto; Séoul; Seoul; Pyongyang; Taipei; Manille; Manila; Bangkok; Hanoï; Hanoi;
Hô Chi Minh-Ville; Ho Chi Minh City; Singapour; Kuala Lumpur; Jakarta; New Delhi; Delhi;
Bombay; Mumbai; Bangalore; Calcutta; Kolkata; Karachi; Islamabad; Kaboul; Kabul; Sydney;
Melbourne; Canberra; Auckland; Wellington;
New York; Washington; Los Angeles; San Francisco; Chicago; Boston; Seattle; Miami; Houston;
Dallas; Atlanta; Detroit; Philadelphie; Philadelphia; La Nouvelle-Orléans; New Orleans;
Las Vegas; San Diego; Denver; Phoenix; Austin; Baltimore; Pittsburgh; Minneapolis; Portland;
Brooklyn; Manhattan; Montréal; Montreal; Québec; Quebec; Toronto; Vancouver; Ottawa;
Mexico; Bogota; Bogotá; Lima; Santiago; Buenos Aires; São Paulo; Sao Paulo; Rio de Janeiro;
Brasilia; Caracas; La Havane; Havana; Quito; Montevideo
"""

_REGIONS = """
Europe; Afrique; Asie; Amérique; Océanie; Antarctique; Arctique; Amérique du Nord;
Amérique du Sud; Amérique latine; Amérique centrale; Moyen-Orient; Proche-Orient;
Extrême-Orient; Maghreb; Sahel; Afrique de l'Ouest; Afrique du Nord; Afrique subsaharienne;
Balkans; Scandinavie; Caucase; Asie centrale; Asie du Sud-Est; Méditerranée; Atlantique;
Pacifique; Manche; mer du Nord; mer Noire; mer Rouge; mer Baltique; mer Méditerranée;
océan Indien; Alpes; Pyrénées; Jura; Vosges; Massif central; Himalaya; Sahara; Amazonie;
Seine; Loire; Rhône; Rhin; Garonne; Danube; Nil; Tamise; Mississippi;
Africa; Asia; North America; South America; Latin America; Middle East; Far East;
Southeast Asia; Central Asia; Mediterranean; Atlantic; Pacific; Arctic; Antarctica;
Scandinavia; Balkans; Caribbean; Caraïbes; Antilles; Silicon Valley; Midwest;
Île-de-France; Hauts-de-France; Normandie; Normandy; Bretagne; Brittany; Grand Est; Alsace;
Lorraine; Champagne; Bourgogne; Burgundy; Franche-Comté; Auvergne; Rhône-Alpes;
Auvergne-Rhône-Alpes; Occitanie; Provence; Provence-Alpes-Côte d'Azur; Côte d'Azur; Riviera;
Nouvelle-Aquitaine; Aquitaine; Pays de la Loire; Centre-Val de Loire; Languedoc; Savoie;
Haute-Savoie; Gironde; Finistère; Dordogne; Ardèche; Ardennes; Seine-Saint-Denis;
Hauts-de-Seine; Val-de-Marne; Essonne; Yvelines; Val-d'Oise; Seine-et-Marne; Camargue;
Ain; Aisne; Allier; Ariège; Aube; Aude; Aveyron; Bouches-du-Rhône; Calvados; Cantal;
Charente; Charente-Maritime; Corrèze; Côte-d'Or; Côtes-d'Armor; Creuse; Doubs; Drôme;
Eure; Eure-et-Loir; Gard; Haute-Garonne; Gers; Hérault; Ille-et-Vilaine; Indre;
Indre-et-Loire; Isère; Landes; Loir-et-Cher; Haute-Loire; Loire-Atlantique; Loiret;
Lot-et-Garonne; Lozère; Maine-et-Loire; Marne; Haute-Marne; Mayenne; Meurthe-et-Moselle;
Meuse; Morbihan; Moselle; Nièvre; Nord; Oise; Orne; Pas-de-Calais; Puy-de-Dôme;
Pyrénées-Atlantiques; Hautes-Pyrénées; Pyrénées-Orientales; Bas-Rhin; Haut-Rhin;
Haute-Saône; Saône-et-Loire; Sarthe; Deux-Sèvres; Somme; Tarn; Tarn-et-Garonne; Var;
Vaucluse; Vendée; Haute-Vienne; Yonne; Territoire de Belfort; Alpes-Maritimes;
Alpes-de-Haute-Provence; Hautes-Alpes; Ardennes; Haute-Corse; Corse-du-Sud; Manche;
Finistère; Sud-Ouest; Nord-Est; Ouest; Picardie; Limousin; Poitou; Poitou-Charentes;
Midi-Pyrénées; Languedoc-Roussillon; Roussillon; Pays basque; Béarn; Périgord; Beaujolais; Médoc;
Wallonie; Flandre; Flandres; Catalogne; Catalonia; Andalousie; Bavière; Bavaria; Sicile;
Sicily; Sardaigne; Toscane; Tuscany; Lombardie; Écosse; Québec; Ontario; Californie;
California; Texas; Floride; Florida; New Jersey; Virginie; Virginia; Pennsylvanie;
Pennsylvania; Ohio; Michigan; Illinois; Géorgie; Georgia; Arizona; Nevada; Oregon; Alaska;
Hawaï; Hawaii; Massachusetts; Caroline du Nord; North Carolina; Louisiane; Louisiana;
Colorado; Minnesota; Wisconsin; Kentucky; Tennessee; Alabama; Utah; Kansas; Iowa; Missouri;
Sibérie; Siberia; Donbass; Kurdistan; Xinjiang; Cachemire; Kashmir
"""

_FRENCH_TOWNS = """
Abbeville; Agen; Albi; Alençon; Alès; Angoulême; Annemasse; Arcachon; Arles; Arras; Aubagne;
Aubervilliers; Aurillac; Auxerre; Avranches; Bar-le-Duc; Beauvais; Belfort; Bergerac;
Béthune; Béziers; Blois; Bourg-en-Bresse; Bourges; Brive-la-Gaillarde; Brive; Cahors;
Cambrai; Carcassonne; Castres; Châlons-en-Champagne; Chalon-sur-Saône; Chartres;
Châteauroux; Châtellerault; Chaumont; Cholet; Clichy; Cognac; Compiègne; Concarneau; Dax;
Dieppe; Digne-les-Bains; Dole; Douai; Douarnenez; Draguignan; Dreux; Épinal; Évreux;
Fécamp; Forbach; Fougères; Fréjus; Granville; Grasse; Guingamp; Haguenau;
Hyères; Istres; Ivry-sur-Seine; Lannion; Laon; Laval; Lens; Les Sables-d'Olonne; Libourne;
Lisieux; Lons-le-Saunier; Lunéville; Mâcon; Mantes-la-Jolie; Marmande; Martigues; Maubeuge;
Meaux; Melun; Mende; Menton; Millau; Mont-de-Marsan; Montauban; Montbéliard; Montélimar;
Montluçon; Morlaix; Moulins; Narbonne; Nevers; Niort; Noisy-le-Grand; Oyonnax; Périgueux;
Pontarlier; Pontivy; Privas; Rambouillet; Roanne; Rochefort; Rodez; Royan;
Saint-Brieuc; Saint-Dié-des-Vosges; Saint-Dizier; Saint-Lô; Saint-Nazaire; Saint-Omer;
Saint-Quentin; Saint-Raphaël; Saint-Tropez; Saintes; Salon-de-Provence; Sarreguemines;
Saumur; Sedan; Soissons; Tarbes; Thionville; Thonon-les-Bains; Tulle;
Valenciennes; Vannes; Verdun; Vesoul; Vienne; Vierzon;
Villeneuve-d'Ascq; Vitré; Vitry-sur-Seine; Saint-Denis; Saint-Pierre; Kourou; Mamoudzou;
Basse-Terre; Saint-Laurent-du-Maroni; Porto-Vecchio; Calvi; Corte; Deauville; Étretat;
Honfleur; Carnac; Quiberon; Roscoff; Saint-Jean-de-Luz; Hendaye; Anglet; Lourmarin;
Gordes; Megève; Courchevel; Val-d'Isère; Albertville; Moûtiers; Briançon; Embrun; Sisteron;
Manosque; Forcalquier; Carpentras; Cavaillon; Uzès; Sommières; Lodève; Agde;
 Frontignan; Lunel; Figeac; Villefranche-de-Rouergue; Pamiers; Foix; Saint-Girons;
Lourdes; Oloron-Sainte-Marie; Orthez; Mauléon; Biscarrosse; Mimizan; Lacanau; Soulac;
Blaye; Cognac; Jarnac; Confolens; Ruffec; Parthenay; Bressuire; Thouars; Loudun; Chinon;
Amboise; Loches; Vendôme; Romorantin; Gien; Montargis; Pithiviers; Étampes; Fontainebleau;
Provins; Coulommiers; Senlis; Chantilly; Creil; Noyon; Péronne; Doullens; Montreuil-sur-Mer;
Le Touquet; Boulogne-sur-Mer; Saint-Malo; Dinan; Dinard; Paimpol; Perros-Guirec;
Landerneau; Carhaix; Redon; Ploërmel; Auray; Lamballe; Loudéac; Châteaubriant; Ancenis;
Clisson; Pornic; Guérande; La Baule; Les Herbiers; La Roche-sur-Yon; Fontenay-le-Comte;
Luçon; Challans; Saint-Gilles-Croix-de-Vie; Le Puy-en-Velay; Yssingeaux; Brioude; Issoire;
 Riom; Ambert; Montbrison; Annonay; Aubenas; Tournon-sur-Rhône; Romans-sur-Isère;
Vienne; Voiron; Bourgoin-Jallieu; Oyonnax; Belley; Nantua; Gex; Cluses; Sallanches;
Saint-Gervais; Évian-les-Bains; Aix-les-Bains; Modane; Saint-Jean-de-Maurienne; Bourg-Saint-Maurice
"""

_WORLD_CITIES = """
Kiel; Rostock; Lübeck; Magdebourg; Wolfsburg; Ingolstadt; Augsbourg; Ratisbonne; Würzburg;
Münster; Bielefeld; Wuppertal; Duisbourg; Gelsenkirchen; Leverkusen; Kaiserslautern; Potsdam;
Tirana; Erevan; Yerevan; Bakou; Baku; Minsk; Sarajevo; Nicosie; Nicosia; Tallinn; Tbilissi;
Tbilisi; Riga; Vilnius; Skopje; Chisinau; Podgorica; Bratislava; Ljubljana; La Valette;
Valletta; Reykjavik; Vaduz; Pristina; Astana; Tachkent; Tashkent; Bichkek; Bishkek;
Douchanbé; Dushanbe; Achgabat; Oulan-Bator; Ulaanbaatar; Katmandou; Kathmandu; Dacca; Dhaka;
Colombo; Thimphou; Rangoun; Yangon; Naypyidaw; Vientiane; Phnom Penh; Bandar Seri Begawan;
Dili; Port Moresby; Mascate; Muscat; Manama; Koweït City; Kuwait City; Sanaa; Amman;
Khartoum; Djouba; Juba; Mogadiscio; Mogadishu; Asmara; Kampala; Kigali; Bujumbura;
Dodoma; Dar es Salaam; Lusaka; Harare; Lilongwe; Maputo; Gaborone; Windhoek; Pretoria;
Maseru; Mbabane; Antananarivo; Port-Louis; Moroni; Luanda; Malabo; Bangui;
N'Djamena; Ndjamena; Nouakchott; Conakry; Freetown; Monrovia; Accra; Lomé; Lome;
Porto-Novo; Cotonou; Banjul; Bissau; Praia; Tripoli; Benghazi; Sfax; Fès; Fez; Agadir;
Tamanrasset; Constantine; Annaba; Tlemcen; Saint-Louis; Ziguinchor; Touba; Thiès; Bouaké;
Yamoussoukro; Kano; Ibadan; Mombasa; Kisumu; Goma; Bukavu; Lubumbashi; Pointe-Noire;
Port-Gentil; Tananarive; Toamasina; Alexandrie; Alexandria; Louxor; Luxor; Assouan; Gizeh;
Jeddah; Djeddah; La Mecque; Mecca; Médine; Medina; Alep; Aleppo; Homs; Idlib; Mossoul;
Mosul; Bassora; Basra; Erbil; Kirkouk; Ispahan; Isfahan; Chiraz; Tabriz; Mashhad; Hérat;
Kandahar; Lahore; Peshawar; Rawalpindi; Chennai; Madras; Hyderabad; Ahmedabad; Pune;
Jaipur; Lucknow; Varanasi; Goa; Kochi; Chittagong; Mandalay; Chiang Mai; Phuket; Pattaya;
Da Nang; Huê; Hué; Haiphong; Cebu; Davao; Surabaya; Bandung; Bali; Yogyakarta; Penang;
Chongqing; Chengdu; Tianjin; Nankin; Nanjing; Xi'an; Harbin; Qingdao; Dalian; Xiamen;
Suzhou; Lhassa; Lhasa; Urumqi; Kaohsiung; Busan; Incheon; Nagoya; Yokohama; Kobe; Sapporo;
Fukuoka; Hiroshima; Nagasaki; Okinawa; Fukushima; Vladivostok; Novossibirsk; Novosibirsk;
Iekaterinbourg; Yekaterinburg; Kazan; Sotchi; Sochi; Volgograd; Rostov; Kaliningrad;
Mourmansk; Murmansk; Irkoutsk; Sébastopol; Sevastopol; Marioupol; Mariupol;
Zaporijia; Zaporizhzhia; Dnipro; Lviv; Lvov; Bakhmout; Bakhmut; Donetsk; Louhansk; Luhansk;
Tchernihiv; Soumy; Poltava; Vinnytsia; Jytomyr; Tchernobyl; Chernobyl; Gdansk; Gdańsk;
Wroclaw; Poznan; Lodz; Katowice; Brno; Ostrava; Debrecen; Cluj; Cluj-Napoca; Timisoara;
Constanta; Varna; Plovdiv; Thessalonique; Thessaloniki; Le Pirée; Piraeus; Héraklion;
 Dubrovnik; Novi Sad; Mostar; Izmir; Smyrne; Antalya; Bursa; Gaziantep; Diyarbakir;
Hatay; Antakya; Haïfa; Haifa; Eilat; Ramallah; Naplouse; Nablus; Hébron; Hebron; Jénine;
Jenin; Rafah; Khan Younès; Khan Younis; Tyr; Sidon; Saïda; Tripoli; Byblos; Baalbek;
Bergen; Trondheim; Göteborg; Gothenburg; Malmö; Uppsala; Aarhus; Odense; Tampere; Turku;
Anvers; Gand; Ghent; Bruges; Louvain; Leuven; Namur; Charleroi; Mons; Tournai; Arlon;
Eindhoven; Utrecht; Maastricht; Groningue; Groningen; Lugano; Lucerne; Neuchâtel; Fribourg;
Sion; Montreux; Davos; Saint-Gall; Innsbruck; Salzbourg; Salzburg; Graz; Linz; Stuttgart;
Dresde; Dresden; Leipzig; Hanovre; Hanover; Brême; Bremen; Nuremberg; Nürnberg; Essen;
Dortmund; Bonn; Aix-la-Chapelle; Aachen; Mayence; Mainz; Heidelberg; Karlsruhe; Fribourg-en-Brisgau;
Freiburg; Sarrebruck; Saarbrücken; Trèves; Trier; Gênes; Genoa; Bologne; Bologna; Vérone;
Verona; Padoue; Padua; Trieste; Pise; Pisa; Sienne; Siena; Palerme; Palermo; Catane;
Catania; Bari; Cagliari; Bergame; Bergamo; Brescia; Côme; Como; Valence; Valencia; Malaga;
Málaga; Saragosse; Zaragoza; Grenade; Granada; Cordoue; Córdoba; Alicante; Murcie; Palma;
Saint-Sébastien; San Sebastián; Pampelune; Pamplona; Gérone; Girona; Tarragone; Coimbra;
Faro; Braga; Funchal; Cork; Galway; Belfast; Derry; Cardiff; Swansea; Bristol; Leeds;
Sheffield; Newcastle; Nottingham; Leicester; Southampton; Portsmouth; Brighton; Cambridge;
Oxford; York; Aberdeen; Dundee; Inverness; Coventry; Bradford; Hull; Plymouth; Exeter;
Norwich; Bath; Canterbury; Dover; Douvres; Calgary; Edmonton; Winnipeg;
Halifax; Regina; Saskatoon; Québec; Sherbrooke; Trois-Rivières;
Gatineau; Laval; Longueuil; Kingston; Moncton; Fredericton; Iqaluit;
Anchorage; Honolulu; Sacramento; Oakland; San José; San Jose; Palo Alto; Cupertino;
Mountain View; Menlo Park; Redmond; Salt Lake City; Albuquerque; Tucson; El Paso;
San Antonio; Fort Worth; Oklahoma City; Kansas City; Saint Louis; St. Louis; Memphis;
Nashville; Louisville; Indianapolis; Cincinnati; Cleveland; Columbus; Milwaukee;
 Raleigh; Richmond; Norfolk; Orlando; Tampa; Jacksonville; Savannah; Charleston;
Birmingham; Buffalo; Rochester; Albany; Newark; Hartford; Princeton; Annapolis;
Guadalajara; Monterrey; Tijuana; Cancún; Cancun; Acapulco; Puebla; Oaxaca; La Paz; Sucre;
Asuncion; Asunción; Medellín; Medellin; Cali; Carthagène; Cartagena; Guayaquil; Cuzco;
Cusco; Valparaiso; Valparaíso; Rosario; Córdoba; Mendoza; Salvador de Bahia; Recife;
Fortaleza; Belo Horizonte; Porto Alegre; Curitiba; Manaus; Belém; San Juan; Saint-Domingue;
Santo Domingo; Port-au-Prince; Kingston; Managua; Tegucigalpa; San Salvador; Guatemala City;
San José; Panama City; Nassau; Bridgetown; Port of Spain; Perth; Brisbane; Adélaïde;
Adelaide; Hobart; Christchurch; Suva; Nouakchott; Tunis
"""

_COUNTRIES_MORE = """
Bhoutan; Bhutan; Brunei; Cap-Vert; Cape Verde; Dominique; Eswatini; Swaziland; Fidji; Fiji;
Grenade; Guinée-Bissau; Guinée équatoriale; Equatorial Guinea; Guyana; Kirghizistan;
Kyrgyzstan; Kiribati; Lesotho; Maldives; Micronésie; Nauru; Palaos; Papouasie-Nouvelle-Guinée;
Papua New Guinea; Saint-Marin; San Marino; Sao Tomé-et-Principe; Seychelles; Salomon;
Suriname; Timor oriental; Timor-Leste; East Timor; Tonga; Trinité-et-Tobago; Trinidad;
Tuvalu; Vanuatu; Vatican; Bahamas; Barbade; Barbados; Belize; Sainte-Lucie; Saint Lucia;
Macédoine; Ouzbékistan; Biélorussie; Bélarus; Soudan du Sud; South Sudan; Somaliland;
Sahara occidental; Western Sahara; Transnistrie; Abkhazie; Ossétie du Sud; Haut-Karabakh;
Nagorno-Karabakh; Kurdistan irakien; Porto Rico; Puerto Rico; Guam; Bermudes; Bermuda;
Îles Caïmans; Cayman Islands; Gibraltar; Jersey; Guernesey; Guernsey; Île de Man;
Isle of Man; Féroé; Faroe Islands; Saint-Pierre-et-Miquelon; Wallis-et-Futuna;
Saint-Martin; Saint-Barthélemy; Tahiti; Bora-Bora; Marquises; Kerguelen; Zanzibar;
Sardinia; Corsica; Crete; Crète; Sicily; Chypre du Nord; Bosnia and Herzegovina;
Herzégovine; Tchétchénie; Chechnya; Daghestan; Dagestan; Tatarstan; Iakoutie; Ouïghours
"""

_REGIONS_MORE = """
Pays de Caux; Cotentin; Beauce; Sologne; Touraine; Anjou; Vendée; Limousin; Quercy;
Rouergue; Cévennes; Gévaudan; Vivarais; Dauphiné; Bresse; Dombes; Forez; Velay; Morvan;
 Gâtinais; Vexin; Hurepoix; Perche; Cornouaille; Trégor; Armorique; Vendômois;
Chablais; Maurienne; Tarentaise; Queyras; Vercors; Chartreuse; Luberon; Lubéron; Ventoux;
Mont Ventoux; Cervin; Matterhorn; Everest; Kilimandjaro;
Kilimanjaro; Etna; Vésuve; Vesuvius; Fuji; Andes; Rocheuses; Rockies; Oural; Urals;
Carpates; Apennins; Dolomites; Hoggar; Tibesti; Pamir; Gobi; Kalahari; Sinaï; Sinai;
Néguev; Negev; Golan; Cisjordanie; West Bank; Gaza Strip; Bande de Gaza; Donbass; Donbas;
Kouban; Sibérie; Tchoukotka; Mandchourie; Hainan; Guangdong; Sichuan; Yunnan; Hubei;
Fujian; Zhejiang; Jiangsu; Shandong; Hokkaido; Kyushu; Honshu; Bornéo; Borneo; Java;
Sumatra; Mindanao; Luzon; Pendjab; Punjab; Bengale; Bengal; Cachemire; Kerala; Tamil Nadu;
Gujarat; Maharashtra; Rajasthan; Baloutchistan; Balochistan; Khorassan; Anatolie; Anatolia;
Cappadoce; Thrace; Macédoine; Péloponnèse; Peloponnese; Attique; Dalmatie; Istrie;
Transylvanie; Transylvania; Moravie; Bohême; Bohemia; Silésie; Poméranie; Galicia;
Asturies; Cantabrie; Navarre; Aragon; Castille; Estrémadure; Murcie; Pays basque espagnol;
Euskadi; Algarve; Alentejo; Madère; Madeira; Açores; Azores; Canaries; Canary Islands;
Baléares; Majorque; Mallorca; Minorque; Ibiza; Corfou; Lesbos; Lampedusa; Malte;
Ligurie; Liguria; Piémont; Piedmont; Vénétie; Veneto; Émilie-Romagne; Emilia-Romagna;
Ombrie; Umbria; Latium; Lazio; Campanie; Campania; Pouilles; Apulia; Calabre; Calabria;
Basse-Saxe; Saxe; Saxony; Rhénanie; Rhineland; Westphalie; Hesse; Thuringe; Brandebourg;
Brandenburg; Mecklembourg; Schleswig-Holstein; Bade-Wurtemberg; Baden-Württemberg; Tyrol;
Carinthie; Styrie; Valais; Vaud; Tessin; Ticino; Grisons; Jura bernois; Flandre-Occidentale;
Hainaut; Brabant; Limbourg; Ardenne; Zélande; Zeeland; Frise; Friesland; Hollande;
Cornouailles; Cornwall; Yorkshire; West Yorkshire; Lancashire; Kent; Sussex; Essex;
Surrey; Midlands; Highlands; Ulster; Connemara; Kerry; Shetland; Orcades; Hébrides;
Nouvelle-Écosse; Nova Scotia; Nouveau-Brunswick; New Brunswick; Colombie-Britannique;
British Columbia; Alberta; Manitoba; Saskatchewan; Terre-Neuve; Newfoundland; Yukon; Nunavut;
Labrador; Gaspésie; Abitibi; Nouvelle-Angleterre; New England; Maine; Vermont;
New Hampshire; Connecticut; Rhode Island; Delaware; Maryland; West Virginia; Virginie-Occidentale;
South Carolina; Caroline du Sud; Arkansas; Mississippi; Oklahoma; Nebraska; Dakota du Nord;
North Dakota; Dakota du Sud; South Dakota; Montana; Wyoming; Idaho; Nouveau-Mexique;
New Mexico; Washington State; Indiana; Patagonie; Patagonia; Terre de Feu; Pampa; Amazonas;
Chiapas; Yucatán; Yucatan; Sonora; Chihuahua; Darfour; Darfur; Kordofan; Tigré; Tigray;
Amhara; Oromia; Ogaden; Kivu; Nord-Kivu; Sud-Kivu; Ituri; Katanga; Kasaï; Casamance;
Azawad; Liptako; Cyrénaïque; Cyrenaica; Tripolitaine; Fezzan; Kabylie; Aurès; Rif; Souss;
Sahel; Outback; Tasmanie; Tasmania; Queensland; Nouvelle-Galles du Sud;
New South Wales; Polynésie; Micronésie; Mélanésie
"""

COUNTRY_NAMES = _folded(_COUNTRIES_FR, _COUNTRIES_EN, _COUNTRIES_MORE)
"""Countries and territories (folded): an organisation "de France" keeps its country."""

LOC_NAMES = _folded(
    _COUNTRIES_FR,
    _COUNTRIES_EN,
    _COUNTRIES_MORE,
    _CITIES,
    _FRENCH_TOWNS,
    _WORLD_CITIES,
    _REGIONS,
    _REGIONS_MORE,
)
"""Places known by name (folded)."""

# --- Organisations --------------------------------------------------------------------------

_ORGS = """
ONU; Nations unies; Organisation des Nations unies; United Nations; UN; OTAN; NATO; UE;
Union européenne; European Union; EU; Commission européenne; European Commission;
Parlement européen; European Parliament; Conseil européen; Conseil de l'Europe; BCE;
Banque centrale européenne; European Central Bank; ECB; FMI; Fonds monétaire international;
IMF; International Monetary Fund; Banque mondiale; World Bank; OMC; WTO;
Organisation mondiale du commerce; World Trade Organization; OMS; WHO;
Organisation mondiale de la santé; World Health Organization; OCDE; OECD; Unesco; Unicef;
OPEP; OPEC; Interpol; Europol; Frontex; Croix-Rouge; Red Cross; Amnesty International;
Greenpeace; Médecins sans frontières; MSF; Human Rights Watch; CIO; FIFA; UEFA; Nasa; NASA;
ESA; Agence spatiale européenne; CNES; CNRS; Inserm; Insee; INSEE; Banque de France;
Cour des comptes; Conseil d'État; Conseil constitutionnel; Cour de cassation; Sénat;
Assemblée nationale; Élysée; Matignon; Quai d'Orsay; Bercy; Pôle emploi; France Travail;
Sécurité sociale; Urssaf; Caisse des dépôts; Bpifrance; AMF; Autorité des marchés financiers;
Arcep; CNIL; Autorité de la concurrence; Medef; CGT; CFDT; FO; Force ouvrière; CFE-CGC; Unsa;
SNCF; RATP; EDF; Engie; La Poste; Air France; Air France-KLM; KLM; Renault; Peugeot; Citroën;
Stellantis; PSA; Airbus; Boeing; Thales; Safran; Dassault; Dassault Aviation; Naval Group;
TotalEnergies; Total; Michelin; Danone; Nestlé; Unilever; LVMH; Kering; Hermès; Chanel; Dior;
Sanofi; Pfizer; Moderna; AstraZeneca; BioNTech; Novartis; Roche; Bayer; BASF; Siemens;
Volkswagen; BMW; Mercedes; Mercedes-Benz; Daimler; Toyota; Honda; Nissan; Hyundai; Ford;
General Motors; Tesla; Fiat; Ferrari; Carrefour; Auchan; Leclerc; E.Leclerc; Intermarché;
Casino; Lidl; Aldi; Walmart; Ikea; IKEA; Decathlon; Fnac; Darty; BNP Paribas; Société générale;
Crédit agricole; Crédit mutuel; Banque populaire; Caisse d'épargne; LCL; Natixis; AXA; Allianz;
Generali; HSBC; Barclays; UBS; Credit Suisse; Deutsche Bank; Goldman Sachs; JPMorgan;
JP Morgan; Morgan Stanley; Citigroup; BlackRock; Vinci; Bouygues; Eiffage; Saint-Gobain;
Veolia; Suez; Orange; SFR; Free; Iliad; Capgemini; Atos; Publicis; Havas; Vivendi; Ubisoft;
Google; Alphabet; Apple; Microsoft; Meta; Facebook; Instagram; WhatsApp; Twitter; TikTok;
YouTube; Netflix; Spotify; Uber; Airbnb; OpenAI; Nvidia; Intel; AMD; IBM; Oracle; Samsung;
Sony; Huawei; Xiaomi; Tencent; Baidu; ByteDance; Nokia; Ericsson; Qualcomm; Shell; BP;
ExxonMobil; Chevron; Gazprom; Rosneft; Aramco; Coca-Cola; PepsiCo; McDonald's; Starbucks;
Disney; Warner Bros; Paramount; Universal; Boeing; Lufthansa; Ryanair; easyJet; British Airways;
AFP; Agence France-Presse; Reuters; Bloomberg; Associated Press; AP; Le Monde; Le Figaro;
Libération; Les Echos; L'Équipe; Mediapart; Ouest-France; France Télévisions; France 2;
France 3; France 24; Radio France; France Inter; France Info; franceinfo; TF1; M6; BFMTV;
BFM TV; LCI; Canal+; Arte; RFI; BBC; CNN; Fox News; The New York Times; New York Times;
The Washington Post; Washington Post; The Guardian; Financial Times; The Economist;
Der Spiegel; El País; Harvard; Stanford; MIT; Oxford University; Sorbonne; Sciences Po;
Polytechnique; HEC; ENA; PSG; Paris Saint-Germain; Olympique de Marseille; OM; Real Madrid;
FC Barcelone; FC Barcelona; Manchester United; Bayern Munich; Juventus; Kremlin;
Maison-Blanche; Maison Blanche; White House; Pentagone; Pentagon; Congrès; Congress;
Bundestag; Knesset; Downing Street; Fed; Réserve fédérale; Federal Reserve; FBI; CIA; NSA;
Bourse de Paris; Nasdaq; Euronext; Renaissance; Les Républicains; Rassemblement national;
La France insoumise; LFI; Parti socialiste; PS; Europe Écologie Les Verts; EELV; Les Verts;
Parti communiste; PCF; Modem; MoDem; Horizons; Reconquête; Démocrates; Républicains;
Democratic Party; Republican Party; Labour; Labour Party; Conservative Party; Tories; SPD; CDU;
Hamas; Hezbollah; Taliban; talibans; Ligue 1; Ligue 2; Premier League; NBA; NFL; Louis Vuitton;
Air Liquide; Crédit Suisse; Ernst & Young; EY; KPMG; Deloitte; PwC; McKinsey; Accenture;
Pernod Ricard; Rémy Cointreau; Bolloré; Vivendi; Lagardère; Eurazeo; Wendel; Sodexo; Accor;
Edenred; Worldline; Teleperformance; Dassault Systèmes; STMicroelectronics; Alstom; Legrand;
Nexans; Valeo; Forvia; Faurecia; Plastic Omnium; OPmobility; Arkema; Air Liquide; Eramet;
ArcelorMittal; Vallourec; Imerys; Getlink; Eurotunnel; Aéroports de Paris; ADP; Icade; Gecina;
Klépierre; Unibail-Rodamco-Westfield; Covivio; Nexity; Kaufman & Broad; Spie; Rexel;
Bureau Veritas; Elis; Ipsen; bioMérieux; Sartorius Stedim; EssilorLuxottica;
Pierre Fabre; Servier; Guerbet; Vilmorin; Tereos; Sucden; InVivo; Fnac Darty;
Maisons du Monde; Kiabi; Leroy Merlin; Castorama; Conforama; Bonduelle;
Fleury Michon; Lesaffre; Roquette; SEB; Groupe SEB; Moulinex; Rossignol;
Beneteau; Bénéteau; Zodiac; Latécoère; Figeac Aéro; ATR; MBDA; Arianespace;
ArianeGroup; Eutelsat; Nexter; KNDS; Framatome; Orano; Areva; CEA; Ademe; ONF; SNCF Voyageurs;
Transdev; Keolis; Getaround; BlaBlaCar; Doctolib; Back Market; Mirakl; Qonto;
Contentsquare; Criteo; Deezer; Dailymotion; Ubisoft; Quantic Dream; Gameloft; Mistral AI;
Hugging Face; Free Mobile; Bouygues Telecom; Bouygues Construction; Eiffage;
Spie Batignolles; Fayat; NGE; Assystem; Sopra Steria; Alten; Altran; Thales Alenia Space;
Heineken; Carlsberg; AB InBev; Diageo; Unilever; Reckitt; GSK; Roche; Novo Nordisk; Lonza; ABB;
Schindler; Holcim; Lafarge; Heidelberg Materials; Glencore; Rio Tinto; BHP; Anglo American;
Petrobras; Eni; Enel; Iberdrola; Endesa; Repsol; Equinor; Orsted; Ørsted; Vattenfall;
RWE; EON; E.ON; Uniper; Fortum; Telefónica; Vodafone; Deutsche Telekom; Telecom Italia;
Swisscom; Proximus; KPN; Inditex; Zara; H&M; Primark; Adidas; Puma; Nike; Lego; Philips; ASML;
Infineon; SAP; Spotify; Klarna; Adyen; Prosus; Naspers; Santander; BBVA; UniCredit;
Intesa Sanpaolo; ING; ABN Amro; Rabobank; Commerzbank; Société Générale; Crédit Agricole; BPCE;
La Banque postale; Banque postale; CIC; Crédit Lyonnais; Amundi; CNP Assurances; Covéa; MAIF;
Macif; MAAF; Matmut; Aviva; Swiss Re; Munich Re; Scor; SCOR; Prudential;
Legal & General; Lloyds; NatWest; Standard Chartered; Tesco; Sainsbury's; Marks & Spencer;
Unilever; BAE Systems; Rheinmetall; Saab; Embraer; Bombardier; Stellantis; Volvo;
Scania; Renault Trucks; Iveco; Bosch; ZF; Michelin; Pirelli; Bridgestone;
Goodyear; Hertz; Avis; Europcar; JD.com; Temu; Shein; Shopify;
Zalando; Vinted; Leboncoin; Cdiscount; Veepee; Booking; Expedia; Tripadvisor; Paypal; PayPal;
Visa; Mastercard; American Express; Salesforce; Adobe; Cisco; Dell; HP; Lenovo; Foxconn; TSMC;
Broadcom; Anthropic; DeepMind; Palantir; SpaceX; Blue Origin; Rocket Lab; Boeing;
Lockheed Martin; Raytheon; Northrop Grumman; General Electric; GE; Honeywell; 3M; Deere;
Procter & Gamble; Johnson & Johnson; Merck; Eli Lilly; AbbVie; Bristol Myers Squibb;
Sanofi Pasteur
"""

ORG_NAMES = _folded(_ORGS)
"""Organisations known by name (folded)."""

ORG_HEADS = keys_of(
    """
    Banque Bank Société Compagnie Groupe Group Institut Institute Université University
    Ministère Ministry Département Department Conseil Council Cour Court Tribunal Agence Agency
    Office Commission Fédération Federation Association Union Parti Party Mouvement Movement
    Rassemblement Syndicat Fondation Foundation Musée Museum Centre Center Caisse Autorité
    Authority Comité Committee Assemblée Assembly Organisation Organization Fonds Fund Crédit
    Bureau Board Laboratoire Laboratoires Observatoire École Collège Lycée Hôpital Clinique
    Académie Academy Orchestre Orchestra Théâtre Club Chambre Chamber Direction Service Services
    Haut Haute Secrétariat Préfecture Mairie Région Conférence Ligue League Sporting Racing
    Olympique Stade Entreprises Industries Editions Éditions Studio Studios Cabinet FC AS RC
    OGC SC AC Real Atlético Inter Dynamo Air Agence Haute Notaires Confédération Confederation
    Bibliothèque Library Médiathèque Conservatoire Opéra Opera Commissariat Haut-Commissariat
    Métropole Communauté Réseau Groupement Collectif Établissement Etablissement Inspection
    Gendarmerie Brigade Régie Cercle Comptoir Banco Caja Sparkasse Deutsche Instituto
    Universidad Universität Hochschule Tribunale Corte Partido Partito Congrès Congress Senate
    Sénat Cabinet Laboratory Laboratories Hospital Hôpitaux Hospices Centre Institut
    Forces Programme Armée Front Brigades Garde Mission Corps
    """
)
"""First words that make a capitalised sequence an organisation ("Banque de ...")."""

ORG_SUFFIXES = keys_of(
    """
    SA SAS SARL SE Inc Inc. Corp Corp. Corporation Ltd Ltd. LLC LLP PLC plc AG GmbH SpA NV BV
    Group Groupe Holding Holdings Bank Banque Technologies Technology Systems Airlines Airways
    Motors Pharma Pharmaceuticals Capital Partners Ventures Foundation Fondation Institute
    Institut University Université Association Club FC Company Co Co. Media Médias Telecom
    Télécom Energy Énergie Énergies Assurances Insurance Records Entertainment Industries
    Industrie Solutions Labs Consulting Finance Investissements Investments Software
    Networks Electronics Automotive Aerospace Logistics Foods Brands Tech Digital Services
    Air Jet Space Department Ministry Office Agency Commission Council Committee Authority
    Bureau Board Court Party Union Association Federation Museum Center Centre Trust Fund
    Institute Hospital School College Academy Society Network Alliance Coalition Consortium
    Semiconductor Semiconductors Gestion Immobilier Immobilière Développement Distribution
    Construction Constructions Logistique Ingénierie Informatique Conseil Consultants Analytics
    Robotics Biotech Therapeutics Biosciences Sciences Materials Chemicals Chimie Mining Mines
    Resources Ressources Petroleum Pétrole Oil Gas Power Electric Électrique Steel Railways Rail
    Shipping Lines Bancorp Securities Advisors Management Properties Realty Hotels Hôtels Resorts
    Pictures Games Publishing Press Times Herald Tribune Gazette News Daily Télévision Medical
    Médical Laboratories Laboratoires Engineering Instruments Equipment Manufacturing Textiles
    Beverages Brewing Brasserie Brasseries Transports Transport Airport Aéroports Motors
    Democrats Republicans Conservatives Liberals Socialists Greens Démocrates Socialistes
    Écologistes Insoumis Patriotes Mutuelle Mutualité Assurance Bourse Exchange Capital
    Handball Basket Basketball Rugby Football Volley Volley-Ball Hockey Cyclisme Athletic
    Athletics Gallery Galerie Galleries Museum Museums Theatre Theater Opera Orchestra
    Philharmonic Symphony Ballet Choir Library Libraries Archives
    Journal Telegraph Chronicle Observer Examiner Inquirer Post Globe Monitor Mirror Courier
    """
)
"""Last words that make a capitalised sequence an organisation ("... Holdings", "... SA")."""

# --- Places: heads ---------------------------------------------------------------------------

LOC_HEADS = keys_of(
    """
    Mont Monts Lac Rue Avenue Boulevard Place Quai Pont Gare Aéroport Port Cap Golfe Mer Océan
    Île Îles Vallée Val Plateau Forêt Bois Baie Fort Mount Lake River Street Road Square Bay
    Island Islands Valley County Beach Gulf Cape Sea Ocean Province Canton Comté New North
    South East West Upper Lower Nord Sud Saint Sainte San Santa São Sankt Bad Port Puerto
    Porto Fort Grand Grande Plaine Côte Pointe Anse Presqu'île Massif Western Eastern Northern
    Southern Central Outer Inner
    """
)
"""First words that make a capitalised sequence a place ("Rue de ...", "Lake ...")."""

LOC_SUFFIXES = keys_of(
    "Street Avenue Road Boulevard Square Valley County Island Islands Lake Sea Ocean Canal River"
    " Mountains Mountain Hills Peninsula Strait Desert Coast Falls Bay Gulf Heights Park Square"
    " Bridge Stadium Arena Airport Station Harbour Harbor Beach Springs Point Head Ness Isles"
    " Isle Highlands Lowlands"
)

MISC_HEADS = keys_of(
    """
    Festival Salon Biennale Trophée Championnat Championnats Marathon Rallye Tournoi Jeux Expo
    Exposition Sommet Journées Fête Mondial Mondiaux Open Masters Coupe Cup Giro
    Vuelta Prix Grand-Prix Opération Loi Traité Accord Pacte Protocole
    Déclaration Charte Directive Règlement Storm Hurricane Typhoon Cyclone Tempête Ouragan
    Typhon
    """
)
"""First words of events, awards and texts: "Festival de ...", "Salon de ...", "Loi ..."."""

MISC_SUFFIXES = keys_of(
    """
    Open Cup Games Festival Fest Act Awards Award Prize Trophy Marathon Championship
    Championships Series Rally Expo Summit Olympics Bowl Classic Masters Treaty
    Accord Agreement Protocol Convention Directive Doctrine
    """
)
"""Last words of events, awards and texts: "US Open", "CHIPS Act", "Nobel Prize"."""

LANDMARK_HEADS = frozenset(
    str.split(
        """
        rue avenue boulevard quai allée impasse esplanade promenade palais stade pont château
        cathédrale basilique église abbaye glacier parc jardin square piazza pointe cap col lac
        baie golfe plage île presqu'île forêt gorges
        """
    )
)
"""Lower-case heads of streets and landmarks, which belong to the name ("rue des Lois",
"palais des Papes", "stade Ernest-Wallon"). Compared as written."""

STREET_HEADS = frozenset(
    str.split("rue avenue boulevard quai allée impasse esplanade promenade square")
)
"""Landmark heads that keep even a known place's name ("rue de Paris" is a street); with the
others, a known place after the head is the place ("la cathédrale de Chartres")."""

AWARD_HEADS = frozenset(str.split("prix trophée médaille"))

EVENT_HEADS = frozenset(str.split("championnat championnats mondiaux jeux coupe festival"))
"""Lower-case heads of events before "de", "du", "d'" and a name, kept with the head even
before a place: "les championnats d'Europe", "la coupe de France"."""
"""Lower-case heads of awards, written straight before the name: "le prix Goncourt"."""

# --- Miscellaneous (nationalities, events, languages) ---------------------------------------

_MISC = """
Brexit; Covid; Covid-19; COVID-19; Coronavirus; Jeux olympiques; JO; Jeux paralympiques;
Olympic Games; Olympics; Coupe du monde; World Cup; Mondial; Ligue des champions;
Champions League; Euro 2024; Roland-Garros; Wimbledon; Tour de France; Festival de Cannes;
Oscars; César; Goncourt; Prix Goncourt; Nobel; prix Nobel; Nobel Prize; Black Friday;
Cyber Monday; Noël; Pâques; Ramadan; Aïd; Christmas; Easter; Thanksgiving; Hanoukka; Toussaint;
Bitcoin; G7; G20; COP21; COP28; CAC 40; CAC40; Dow Jones; S&P 500; Nasdaq Composite; Nikkei;
Euro Stoxx 50; iPhone; iPad; Android; Windows; Linux; ChatGPT; Airbus A320; Boeing 737
"""

_DEMONYMS = """
Français Française Françaises Allemand Allemande Allemands Allemandes Anglais Anglaise Anglaises
Britannique Britanniques Américain Américaine Américains Américaines Européen Européenne
Européens Européennes Chinois Chinoise Chinoises Japonais Japonaise Japonaises Italien
Italienne Italiens Italiennes Espagnol Espagnole Espagnols Espagnoles Portugais Portugaise Russe
Russes Ukrainien Ukrainienne Ukrainiens Ukrainiennes Belge Belges Suisse Suisses Canadien
Canadienne Canadiens Canadiennes Québécois Québécoise Africain Africains Africaine Africaines
Asiatique Asiatiques Indien Indienne Indiens Indiennes Marocain Marocaine Marocains Algérien
Algérienne Algériens Tunisien Tunisienne Tunisiens Sénégalais Sénégalaise Ivoirien Ivoirienne
Ivoiriens Turc Turque Turcs Grec Grecque Grecs Polonais Polonaise Néerlandais Néerlandaise
Suédois Suédoise Norvégien Norvégiens Danois Danoise Finlandais Irlandais Irlandaise Écossais
Autrichien Autrichiens Hongrois Roumain Roumains Brésilien Brésilienne Brésiliens Argentin
Argentins Mexicain Mexicains Mexicaine Australien Australiens Israélien Israélienne Israéliens
Palestinien Palestinienne Palestiniens Iranien Iraniens Irakien Irakiens Syrien Syriens Libanais
Libanaise Égyptien Égyptiens Saoudien Saoudiens Coréen Coréens Coréenne Vietnamien Vietnamiens
Parisien Parisienne Parisiens Parisiennes Marseillais Lyonnais Bretons Corses Alsaciens
Londonien Londoniens New-Yorkais Berlinois Bruxellois Genevois Européens
French German Germans British English Englishman American Americans European Europeans Chinese
Japanese Italian Italians Spanish Spaniard Portuguese Russian Russians Ukrainian Ukrainians
Belgian Swiss Canadian Canadians African Africans Asian Asians Indian Indians Moroccan Algerian
Tunisian Turkish Turk Turks Greek Greeks Polish Pole Poles Dutch Swedish Swede Norwegian Danish
Finnish Irish Scottish Scot Scots Welsh Austrian Hungarian Romanian Brazilian Brazilians
Argentine Argentinian Mexican Mexicans Australian Australians Israeli Israelis Palestinian
Palestinians Iranian Iranians Iraqi Iraqis Syrian Syrians Lebanese Egyptian Egyptians Saudi
Saudis Korean Koreans Vietnamese Parisian Londoner Londoners Muslim Muslims Christian Christians
Jewish Catholic Catholics Protestant Protestants Arab Arabs Arabic Kurdish Kurds Hindu Buddhist
"""

# Demonyms by their masculine singular; the feminine and plural forms are made from it.
_DEMONYM_STEMS = """
Albanais Algérien Allemand Alsacien Américain Andalou Angevin Anglais Angolais Antillais
Arménien Argentin Ardéchois Ariégeois Auvergnat Australien Autrichien Aveyronnais Azerbaïdjanais
Bahreïni Bangladais Basque Bavarois Béarnais Belge Béninois Berlinois Birman Biélorusse
Biterrois Bolivien Bordelais Bosnien Bourguignon Brésilien Brestois Britannique
Bruxellois Bulgare Burkinabè Burundais Cambodgien Camerounais Canadien Caennais Catalan
Centrafricain Chilien Chinois Chypriote Clermontois Colombien Comorien Congolais Coréen
Costaricien Croate Cubain Danois Dijonnais Dunkerquois Écossais Égyptien Émirati Équatorien
Érythréen Espagnol Estonien Éthiopien Européen Finlandais Flamand Francilien Français Gabonais
Gazaoui Génois Genevois Géorgien Ghanéen Grec Grenoblois Guadeloupéen Guinéen Guyanais
Haïtien Havrais Hollandais Hongrois Indien Indonésien Irakien Iranien Irlandais Islandais
Israélien Italien Ivoirien Jamaïcain Japonais Jordanien Kazakh Kényan Kosovar Koweïtien Kurde
Landais Laotien Lausannois Letton Libanais Libérien Libyen Lillois Limougeaud Lituanien Londonien
Lorientais Lensois Luxembourgeois Lyonnais Macédonien Malais Malgache Malien Maltais
Manceau Marocain Marseillais Martiniquais Mauricien Mauritanien Messin Mexicain Milanais
Moldave Monégasque Mongol Monténégrin Montpelliérain Mozambicain Namibien Nancéien Nantais
Napolitain Néerlandais Néo-Zélandais Népalais Nicaraguayen Niçois Nigérian Nigérien
Norvégien Occitan Omanais Ougandais Ouzbek Pakistanais Palestinien Panaméen Paraguayen
Parisien Péruvien Polonais Portugais Provençal Qatari Québécois Rémois Rennais
Roumain Russe Rwandais Salvadorien Saoudien Savoyard Sénégalais Serbe Singapourien
Slovaque Slovène Somalien Soudanais Stéphanois Strasbourgeois Suédois Suisse Syrien Tadjik
Taïwanais Tanzanien Tchadien Tchèque Thaïlandais Tchétchène Togolais Toulonnais Toulousain
Tourangeau Tunisien Turc Ukrainien Uruguayen Valaisan Vaudois Vénézuélien Vénitien Vietnamien
Yéménite Zambien Zimbabwéen Ajaccien Bastiais Angoumoisin Aixois Nîmois Avignonnais
Perpignanais Biarrot Bayonnais Troyen Amiénois Rouennais Orléanais Tourquennois
Roubaisien Villeurbannais Versaillais Charentais Vendéen Sarthois Mayennais
Auxerrois Nivernais Berrichon Solognot Beauceron Morbihannais Finistérien Costarmoricain
Quimpérois Vannetais Malouin Nazairien Angevin Choletais Lavallois Chartrain Drouais
"""


def _inflected(stems: str) -> str:
    """Each masculine demonym with its feminine and plural forms ("Breton": "Bretonne",
    "Bretons", "Bretonnes"), as a whitespace-separated string."""
    forms: list[str] = []
    for stem in stems.split():
        forms.append(stem)
        if stem.endswith(("ais", "ois")):
            feminine, plural = stem + "e", stem
        elif stem.endswith("e"):
            feminine, plural = stem, stem + "s"
        elif stem.endswith(("ien", "éen", "on")) and not stem.endswith("gnon"):
            feminine, plural = stem + "ne", stem + "s"
        elif stem.endswith("eau"):
            feminine, plural = stem[:-3] + "elle", stem + "x"
        elif stem.endswith("c") and stem != "Turc":
            feminine, plural = stem + "que", stem + "s"
        else:
            feminine, plural = stem + "e", stem + "s"
        forms.extend((feminine, plural, feminine + "s"))
    return " ".join(forms)


MISC_NAMES = _folded(_MISC) | keys_of(_DEMONYMS) | keys_of(_inflected(_DEMONYM_STEMS))
"""Events, products, indices, nationalities and other names that are not a person, company or
place (folded)."""

# --- People ----------------------------------------------------------------------------------

_FIRST_NAMES = """
Jean Pierre Michel André Philippe René Louis Alain Jacques Bernard Marcel Daniel Roger Robert
Paul Claude Christian Henri Georges Nicolas François Patrick Gérard Christophe Joseph Julien
David Frédéric Éric Eric Laurent Stéphane Stephane Pascal Sébastien Sebastien Thierry Olivier
Thomas Alexandre Antoine Maxime Guillaume Vincent Mathieu Matthieu Romain Benoît Benoit Yves
Dominique Didier Serge Gilles Hervé Bruno Denis Xavier Fabrice Franck Arnaud Cédric Jérôme
Jerome Ludovic Emmanuel Raphaël Raphael Hugo Lucas Léo Leo Gabriel Arthur Adam Nathan Théo
Theo Jules Louis Baptiste Clément Clement Florian Kevin Kévin Quentin Adrien Damien Jérémy
Yann Yannick Loïc Gaël Gaëtan Rémi Rémy Rémy Victor Martin Simon Samuel Benjamin Valentin
Aurélien Anthony Jonathan Grégory Gregory Sylvain Fabien Lionel Hugues Édouard Edouard
Marc Luc Jean-Luc Jean-Pierre Jean-Claude Jean-Marc Jean-François Jean-Michel Jean-Paul
Jean-Louis Jean-Yves Jean-Marie Jean-Baptiste Jean-Jacques Jean-Noël Pierre-Yves Marie-Claire
Gérald Bertrand Arnold Emile Émile Lucien Marius Gaston Raymond Fernand Maurice Jacky Jacqueline
Marie Anne Catherine Isabelle Sylvie Nathalie Christine Françoise Monique Martine Valérie
Valerie Sandrine Sophie Céline Celine Stéphanie Véronique Veronique Nicole Chantal Brigitte
Patricia Sylviane Dominique Élisabeth Elisabeth Élise Elise Hélène Helene Caroline Aurélie
Julie Émilie Emilie Camille Léa Lea Manon Chloé Chloe Emma Inès Ines Sarah Laura Pauline
Marion Claire Laure Agnès Florence Corinne Delphine Laurence Pascale Virginie Audrey Charlotte
Juliette Alice Louise Jeanne Lucie Clara Anaïs Mathilde Margaux Océane Justine Mélanie Melanie
Ségolène Rachida Najat Fatima Amélie Amelie Béatrice Agathe Gabrielle Margot Zoé Zoe Elsa
Marine Marina Karine Carole Muriel Annie Josiane Danielle Colette Odile Mireille Geneviève
Ginette Simone Yvette Paulette Hélène Anne-Marie Marie-France Marie-Hélène Marie-Christine
Marie-Thérèse Marie-Noëlle Anne-Sophie Anne-Laure Marie-Laure Édith Edith Ariane Clémence
Estelle Fanny Gaëlle Ophélie Sabrina Nadia Samia Leila Leïla Yasmina Karima Aïcha Aicha Salomé
John James Robert Michael William David Richard Charles Joseph Thomas Christopher Daniel
Matthew Anthony Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald
Edward Jason Jeffrey Jeff Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott
Brandon Benjamin Samuel Gregory Frank Alexander Raymond Patrick Jack Dennis Jerry Tyler Aaron
Jose Adam Henry Nathan Douglas Zachary Peter Kyle Walter Ethan Jeremy Harold Keith Christian
Roger Noah Gerald Carl Terry Sean Austin Arthur Lawrence Jesse Dylan Bryan Joe Jordan Billy
Bruce Albert Willie Gabriel Logan Alan Juan Wayne Roy Ralph Randy Eugene Vincent Russell
Elijah Louis Bobby Philip Johnny Bill Tom Tim Jim Mike Steve Bob Dave Chris Tony Nick Ben Sam
Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa Betty
Margaret Sandra Ashley Kimberly Emily Donna Michelle Dorothy Carol Amanda Melissa Deborah
Stephanie Rebecca Sharon Laura Cynthia Kathleen Amy Shirley Angela Helen Anna Brenda Pamela
Nicole Emma Samantha Katherine Christine Debra Rachel Catherine Carolyn Janet Ruth Maria
Heather Diane Virginia Julie Joyce Victoria Olivia Kelly Christina Lauren Joan Evelyn Judith
Megan Cheryl Andrea Hannah Martha Jacqueline Frances Gloria Ann Teresa Kathryn Sara Janice
Jean Alice Madison Doris Abigail Julia Judy Grace Denise Amber Marilyn Beverly Danielle
Theresa Sophia Marie Diana Brittany Natalie Isabella Charlotte Rose Alexis Kayla Kate Jane
Hans Klaus Wolfgang Jürgen Helmut Angela Olaf Friedrich Karl Heinrich Markus Stefan Andreas
Matteo Marco Giuseppe Giovanni Luigi Mario Francesco Alessandro Giorgia Sergio Silvio Mariano
Carlos Juan José Jose Antonio Manuel Francisco Javier Pedro Miguel Luis Jorge Pablo Diego
Fernando Ricardo Alejandro Rafael Lula Jair Gustavo Cristina Carmen Ana Lucía Pedro Isabel
Vladimir Dmitri Sergueï Sergei Alexeï Alexei Mikhaïl Mikhail Ivan Igor Boris Volodymyr Viktor
Olena Yulia Ioulia Ahmed Mohamed Mohammed Mohammad Mahmoud Ali Hassan Hussein Omar Karim Khaled
Youssef Mustapha Mustafa Abdel Abdelaziz Abdelkader Abdallah Said Saïd Rachid Nabil Mehdi Walid
Recep Tayyip Benjamin Yitzhak Emmanuel Narendra Rishi Shinzo Fumio Kim Moon Xi Li Wang Zhang
Jinping Keqiang Ma Joe Kamala Hillary Barack Nelson Kofi Ban Antonio Ursula Christine Jens
Olaf Angela Theresa Boris Keir Liz Giorgia Pedro Viktor Mark Justin Jacinda Elon Bill Warren
Jeff Tim Satya Sundar Sam Mark Larry Sergey Steve Sheryl Greta Kylian Zinedine Lionel
Cristiano Roger Rafael Novak Serena Usain Tiger
Adrian Adrien Luca Lucas Luka Ursula Helen Helena Elena Irene Ingrid Astrid Sven Lars Nils
Erik Anders Henrik Magnus Jan Piotr Pawel Tomasz Andrzej Krzysztof Katarzyna Agnieszka
Anna Jakub Pavel Petr Milan Zoran Dragan Nikola Goran Dimitri Dimitris Georgios Kostas Nikos
Yannis Giannis Mehmet Ahmet Mustafa Emre Murat Kemal Ayşe Fatma Elif Kwame Kofi Kwabena Ama
Chinedu Oluwaseun Olusegun Abdoulaye Mamadou Moussa Ousmane Ibrahim Ibrahima Aminata
Fatoumata Mariam Awa Aïssata Souleymane Cheikh Boubacar Amadou Seydou Issa Idriss Youssou
Hiroshi Takashi Kenji Yuki Akira Haruki Naoko Keiko Wei Jun Ming Hui Ling Yan Chen Min
Jae Ji Soo Hyun Raj Rahul Amit Priya Anil Sunil Vijay Arjun Deepak Ravi Sanjay Pooja Aarav
Santiago Mateo Sebastián Sebastian Valentina Camila Sofia Sofía Lucía Martina Gabriela
Fernanda Alejandra Andrés Felipe Joaquín Ignacio Eduardo Enrique Alberto Roberto Raúl
Guillermo Rodrigo Gonzalo Paolo Fabio Lorenzo Andrea Stefano Massimo Roberto Claudio
Simone Federico Giulia Chiara Francesca Elisa Paola Laura Dieter Günter Uwe Jörg Horst
Manfred Werner Rainer Thorsten Christoph Tobias Florian Lukas Felix Maximilian Leon Finn
Jonas Niklas Lena Leonie Sabine Petra Ursula Monika Birgit Heike Kerstin Claudia Susanne
Oliver Harry Charlie Alfie Archie Freddie Oscar Theo Toby Jamie Callum Declan Liam Sean
Connor Niamh Siobhan Aoife Ciara Fiona Mairead Gavin Duncan Hamish Ewan Morag Isla Ruby
Poppy Amelia Jessica Chloe Lily Evie Ella Sophie Grace Holly Lucy Molly Ellie Freya
Matilda Imogen Harriet Eleanor Florence Beatrice Penelope Violet Hazel Willow Aurora
Brian Gordon Neil Graham Keith Colin Nigel Clive Trevor Derek Barry Malcolm Alistair Rupert
Hugh Giles Jeremy Julian Simon Rishi Sadiq Priti Kemi Suella Nadhim Sajid Yvette Angela
Régis Gauthier Gautier Tristan Timothée Mathias Matthias Cyril Cyrille Bastien Benoît Joël
Noël Lionel Léon Léonard Félix Gaspard Ambroise Augustin Victorien Anatole Aymeric Enguerrand
Foucauld Sixtine Bérénice Capucine Apolline Albane Blanche Constance Eugénie Philippine
Hortense Victoire Solène Maëlle Maëlys Nolwenn Gwenaëlle Enora Morgane Soizic Yannig Erwan
Ronan Goulven Tanguy Gwendal Loïc Killian Kylian Mathis Enzo Nathan Evan Ethan Noah Sacha
Sasha Timéo Nolan Axel Rayan Ilyes Yanis Amine Sofiane Bilal Hamza Anis Nassim Samir Farid
Malik Djamel Kader Slimane Mourad Hicham Nordine Yacine Zinedine Nabila Samira Houria Malika
Khadija Zahia Djamila Souad Nadia Yasmine Inès Lina Jade Louna Léna Lou Ambre Romane Nina
Agathe Roxane Héloïse Alix Laetitia Laëtitia Ludivine Séverine Sandra Vanessa Jennifer
Jessica Cindy Mélissa Emeline Émeline Coralie Aurore Pauline Élodie Elodie Marjorie Magali
Murielle Sylvaine Josette Huguette Bernadette Marcelle Odette Lucienne Germaine Suzanne
Thérèse Yvonne Madeleine Renée Jeannine Arlette Gisèle Nicolas Dorian Morgan Steven Johan
Jordan Dylan Mickaël Michaël Mikaël Jimmy Teddy Willy Freddy Rudy Rudi Gilbert Armand
Gustave Édmond Edmond Firmin Honoré Hippolyte Léopold Marcel Octave Raoul Roland Sylvestre
Ghislain Hubert Jacques Josselin Lambert Olivier Quentin Renaud Thibault Thibaut Thibaud
Wilfried Yvon Yvan Ivan Waldemar Kamel Karim Lotfi Tarek Walid
Aaron Abel Achille Adèle Adeline Adrienne Aimé Aimée Alban Albert Albin Aldo Alexandra
Alexia Alexis Alfred Alfredo Aline Alison Alma Amandine Ange Angèle Angélique Annabelle
Anne-Claire Annick Anouk Antoinette Apolline Ariel Aristide Armelle Arnaud Auguste Augustine
Aurélia Axelle Aymeric Barthélemy Basile Béatrix Benjamine Bérangère Bernadette Blaise Brice
Bruna Capucine Carla Carine Caroline Cécile Célestin Célia Céline Charles-Henri Charlène
Christelle Christophe Claudine Clotilde Colin Corinne Cyprien Daphné Déborah Delphine Denise
Diane Dorothée Edgar Éléonore Eliott Éloïse Elsa Éléna Émeric Émilien Emmanuelle Ernest Erwan
Étienne Eugène Eva Évelyne Fabienne Fabrice Faustine Félicien Ferdinand Flavie Flavien Florent
Florence Francine Frédérique Gaëlle Gaétan Gaspard Gautier Geoffrey Georgette Géraldine Gervais
Ghislaine Gisèle Grégoire Guilhem Guy Gwenaël Henriette Hervé Hugues Ibrahim Ida Ignace Irène
Iris Isaac Isabeau Jacques-Henri Jean-Charles Jean-Christophe Jean-Daniel Jean-Denis Jean-Éric
Jean-Guy Jean-Hugues Jean-Luc Jean-René Jean-Sébastien Jean-Victor Joachim Joëlle Johanna
Josiane Josué Judith Julia Julie Juliette Justin Karl Laurène Laurianne Léonie Léopold Léonore
Liliane Lilian Lise Loane Lorraine Louis-Philippe Louise Luc Lucille Ludovic Lydie Lydia Maëva
Maël Maïwenn Manuel Manuela Marc Marceau Marcelin Marcelline Margaux Marianne Marie-Anne
Marie-José Marie-Pierre Marielle Marius Marjolaine Marthe Martial Maryse Mathéo Mathurin Maud
Maximilien Maxence Mélodie Michèle Micheline Mila Mireille Myriam Nadège Nadine Naël Naïma Noah
Noémie Nolwenn Norbert Octave Odile Olympe Oriane Orianne Pacôme Patrice Paul-Henri Perrine
Philibert Pierre-Alain Pierre-André Pierre-Emmanuel Pierre-Henri Pierre-Louis Pierrick Prosper
Rachel Raphaëlle Rebecca Régine Rémi Richard Robin Rodolphe Rolande Rosalie Rose Roselyne
Sabine Samuel Sandrine Scarlett Sébastienne Séraphin Sidonie Simone Solange Sophie-Anne
Stanislas Suzanne Sven Sylvère Tatiana Théodore Théophile Thérèse Timothée Tiphaine Ulysse
Urbain Valentine Valère Valéry Vanessa Véra Vianney Victorine Vivien Vivienne Wendy William
Xavière Yolande Youna Yvette Zacharie Zélie Aurélien Ronan Bertille Bleuenn Katell Loïg Malo
Maëlys Yaël Samy Sami Rayane Ilyès Adama Aliou Assa Coumba Demba Khadidiatou Mariama Ndeye
Oumar Sadio Saliou Seynabou Binta Hawa Kadiatou Salif Modibo Babacar Mamadou Abdou Abdoul
Ismaël Ismail Jamal Kamal Larbi Lakhdar Lahcen Nourredine Rachida Yasmine Zineb Meryem
Myriam Farah Hakim Reda Riad Sabri Zakaria Anas Ayoub Othmane Wassim Yassine Nasser Salah Olga
Irina Tatiana Svetlana Oksana Ludmila Galina Yuri Iouri Andreï Andrei Alexandre Mykola Mykhailo
Taras Bohdan Petro Vitali Vitaly Dmytro Yevhen Andriy Andrii Denys Serhiy Roman Oleg Konstantin
Anatoli Nikolaï Nikolai Piotr Wojciech Marek Grzegorz Lukasz Ewa Zofia Magdalena Joanna Jiri
Jaroslav Tomas Lajos Zoltan Laszlo Gyorgy Ion Mihai Vasile Ioana Elena Stefan Milos Aleksandar
Ivana Jelena Dragana Ana Marta Pilar Rocío Nuria Montserrat Jordi Xavier Iñaki Aitor Unai Mikel
Asier Gorka João Tiago Rui Nuno Duarte Inês Beatriz Giacomo Pietro Tommaso Riccardo Emanuele
Vittorio Gianluca Gianni Giorgio Alessia Sara Benedetta Ilaria Valeria Anja Katrin Annika Greta
Frieda Hannah Jana Lotte Maarten Pieter Joost Ruud Sanne Femke Bram Wouter Jens Søren Mette
Birgitte Ingrid Sigrid Solveig Bjørn Olav Knut Kristian Mikael Johan Gustav Oskar Elin Linnea
Matti Juha Pekka Jussi Aino Donald Ronald Kennedy Hunter Kevin Brandon Tyler Cody Dustin Travis
 Brett Todd Craig Glenn Wade Dale Clint Kurt Lance Shane Troy Vince Mitch Ted Ed Eddie Ken
Pete Rick Rob Ron Don Dan Matt Greg Josh Zach Jake Luke Nate Drew Alex Jess Jen Kim Becky Beth
Meg Sally Susie Kathy Cathy Patty Peggy Tracy Stacy Lindsay Courtney Erin Kelsey Brooke Paige
 Madeline Claire Naomi Ruth Esther Miriam Leah Abigail Hazel Ivy Stella Nora Layla Aria
Zoey Riley Avery Addison Aubrey Skylar Bella Lillian Eliza Maya Priyanka Ananya Divya
Kavya Sneha Shreya Neha Rohit Vikram Karan Nikhil Suresh Ramesh Mahesh Ganesh Naveen Pradeep
Sandeep Manish Ashok Anand Gautam Imran Shahid Asif Faisal Tariq Zain Bilal Hamid Hassan Reza
Ali Mahmoud Javad Mohsen Saeed Abbas Hossein Masoud Nasrin Shirin Leyla Yusuf Selim Burak Cem
Deniz Hakan Kerem Serkan Tolga Ebru Zeynep Merve Aylin Haruto Sota Ren Yuto Hina Yui Sakura Aoi
Takeshi Masato Shigeru Taro Yoshihide Koji Daisuke Minho Jisoo Jiho Seo-yeon Min-jun Ji-hoon
Hyun-woo Xiaoming Jianguo Zhiwei Wenjun Yiming Hao Lei Tao Fang Jing Xin Yu Mei Lan Thi Van Duc
Minh Anh Linh Huong Nguyen Tuan Hung
"""

FIRST_NAMES = keys_of(_FIRST_NAMES)
"""Common first names, French, English and of people often in the news (folded)."""

TITLES = keys_of(
    """
    M. Mme Mmes Mlle Mlles MM. Me Dr Dr. Pr Pr. Mgr Mr Mr. Mrs Mrs. Ms Ms. Sir Dame Lord Lady
    Monsieur Madame Mademoiselle Maître Docteur Professeur Président Présidente Père Sœur
    Frère Abbé Général Colonel Capitaine Lieutenant Commandant Sergent Gen. Col. Capt. Sgt.
    Senator Sen. Rep. Gov. Governor President Prime King Queen Prince Princess Pope Pape Roi
    Reine Princesse Cardinal Chancellor Judge Rabbi Imam Sheikh Cheikh Ayatollah Émir
    Emir Sultan Professor Prof. Doctor Chef Minister Secretary Chairman Chairwoman Director
    Ambassador Mayor Commissioner Chief Spokesman Spokeswoman Vice
    """
)
"""Words written just before a person's name, capitalised or abbreviated ("M.", "Dr")."""

ROLE_WORDS = keys_of(
    """
    président présidente vice-président vice-présidente directeur directrice fondateur fondatrice
    cofondateur cofondatrice co-fondateur co-fondatrice patron patronne pdg PDG DG dirigeant
    dirigeante ministre secrétaire porte-parole maire adjoint adjointe député députée sénateur
    sénatrice juge avocat avocate procureur procureure professeur professeure chercheur
    chercheuse économiste analyste entraîneur entraineur sélectionneur joueur joueuse attaquant
    défenseur gardien milieu chanteur chanteuse acteur actrice auteur autrice écrivain
    écrivaine journaliste chef cheffe responsable gérant gérante commissaire préfet préfète
    ambassadeur ambassadrice chancelier chancelière premier première dirigeant consultant
    consultante spécialiste expert experte fondé gouverneur gouverneure candidat candidate
    élu élue conseiller conseillère trésorier trésorière délégué déléguée administrateur
    administratrice rédacteur rédactrice photographe réalisateur réalisatrice romancier
    romancière cinéaste metteur architecte médecin docteur chirurgien chirurgienne infirmière
    infirmier syndicaliste militant militante opposant opposante président-directeur
    homologue successeur prédécesseur épouse époux mari femme fils fille frère sœur veuve
    chairman chairwoman founder co-founder cofounder ceo CEO CFO COO CTO chief executive
    director president minister secretary spokesman spokeswoman spokesperson mayor senator
    lawmaker governor judge lawyer attorney prosecutor professor researcher economist analyst
    coach manager player striker singer actor actress author writer journalist editor head boss
    leader official officer ambassador chancellor candidate adviser advisor counsel strategist
    partner investor billionaire entrepreneur businessman businesswoman analysts economists
    researchers scientists officials executives lawyers strategists engineers traders brokers
    analystes économistes chercheurs experts dirigeants responsables avocats ingénieurs
    """
)
"""Words (lower case) that announce a person: "le directeur X", "CEO X"."""

ORG_CUES = keys_of(
    """
    société sociétés groupe entreprise entreprises firme géant constructeur banque assureur
    opérateur compagnie start-up startup jeune-pousse marque enseigne chaîne site plateforme
    application appli journal quotidien hebdomadaire magazine mensuel agence syndicat parti club
    équipe cabinet fonds laboratoire labo fabricant distributeur éditeur filiale maison
    concurrent concurrents rival rivaux partenaire association ONG fédération institut
    organisation mutuelle coopérative chez transporteur groupement conglomérat holding
    équipementier sous-traitant fournisseur industriel pétrolier chimiste sidérurgiste
    marques enseignes groupes banques sociétés compagnies revue journaux
    brasseur minier armateur promoteur cimentier studio label média radio télévision
    company companies firm group bank giant maker carmaker automaker retailer startup rival
    rivals outlet newspaper paper broadcaster network party union agency fund club team brand
    chain platform operator airline insurer lender regulator watchdog supplier manufacturer
    brands chains journal magazine
    publisher studio conglomerate subsidiary unit carrier developer
    """
)
"""Words (lower case) that announce an organisation: "le groupe X", "chez X", "rival X"."""

LOC_PREPOSITIONS = keys_of(
    "à en au aux in vers près depuis from at to outside near across throughout"
)
"""Prepositions that, just before an unknown name, point to a place ("à X", "in X")."""

LOC_CUES = keys_of(
    """
    ville capitale commune région département province pays village quartier banlieue
    habitants habitant habitante riverains originaire natif native résidents barrage sommet
    métropole agglomération localité île îles état usine site port aéroport gare campus
    environs plage vallée massif mont col lac fleuve rivière baie golfe désert forêt canton
    arrondissement préfecture sous-préfecture diocèse bourg hameau station rue avenue
    boulevard place quai impasse chemin près nord sud ouest nord-ouest sud-ouest nord-est
    sud-est large
    city town capital region province country village district suburb state island islands
    plant factory port airport county residents inhabitants native
    """
)

LOC_ROLES = keys_of(
    """
    maire adjoint préfet préfète député députée sénateur sénatrice évêque archevêque curé
    mayor governor bishop
    """
)
"""Roles held over a place: "le maire de X" is about a place, "le directeur de X" is not."""

PORTFOLIO_ROLES = keys_of("ministre minister secrétaire secretary")
"""Roles whose "de X" names a portfolio, not an entity: "le ministre des Mines"."""

PLACE_LINKS = keys_of("sur en lès les sous aux le la de du des")
"""Lower-case words inside hyphenated French place names: "Bourg-en-Bresse", "Aix-les-Bains"."""
"""Nouns (lower case) that announce a place: "la ville de X", "the city of X"."""

SOURCE_CUES = keys_of("selon according d'après")
"""Words before a source, person or organisation: "selon X"."""

# --- Not entities ----------------------------------------------------------------------------

_STOPWORDS = """
le la les l' un une des du de d' au aux ce cet cette ces ça cela ceci celui celle ceux celles
il ils elle elles on nous vous je j' tu me te se lui leur leurs mon ma mes ton ta tes son sa ses
notre nos votre vos qui que qu' quoi dont où quand comment pourquoi combien quel quelle quels
quelles lequel laquelle et ou mais donc or ni car si s' puis ensuite enfin alors aussi ainsi
pourtant cependant toutefois néanmoins certes sinon parce dès depuis pendant avant après
selon malgré avec sans sous sur dans par pour contre entre vers chez jusqu' jusque hors
voici voilà oui non pas ne n' plus moins très trop peu beaucoup tout tous toute toutes
chaque chacun chacune aucun aucune plusieurs quelques quelque certains certaines autre autres
même mêmes tel telle tels telles rien personne ici là-bas là déjà encore toujours jamais
souvent parfois bientôt hier demain aujourd'hui maintenant désormais actuellement
finalement surtout notamment également seulement vraiment peut-être bref certes outre
face côté lors afin tandis lorsque lorsqu' puisque puisqu' quoique comme tant autant
est sont été être avoir a ont était étaient sera seront fait font faut peut peuvent doit
doivent va vont il y c' c'est ce sont n'est qu'il qu'elle qu'ils d'autant d'ailleurs d'abord
au-delà par ailleurs en effet bien mieux reste reste-t-il
premier première premiers premières deuxième troisième dernier dernière derniers nouveau
nouvelle nouveaux nouvelles grand grande grands grandes petit petite petits petites
bon bonne mauvais vrai fausse seul seule seuls seules
un deux trois quatre cinq six sept huit neuf dix vingt trente cent mille
chapitre article page photo vidéo source sources lire voir suivre partager commentaires
attention ok merci bonjour bienvenue
the a an this that these those it its he she they we you i me him her them us my your his
our their who whom whose what which when where why how and or but so yet nor for if then
also thus however meanwhile still already now today yesterday tomorrow there here in on at by
with without from to of as into onto after before during since until while although though
because about above below over under between among against through across despite
is are was were be been being has have had do does did will would can could shall should
may might must not no yes all some any many much more most few several each every both
either neither other another such only just even very too first second last old next
one two three four five six seven eight nine ten hundred thousand
mr mrs ms dr
"""

STOPWORDS = keys_of(_STOPWORDS)
"""Common words that are capitalised only because they start a sentence or a quotation
(folded). They are never the first word of an entity, except inside a known name."""

_NOT_NAMES = """
État États République Gouvernement Parlement Constitution Nation Économie Intérieur Justice
Culture Santé Éducation Défense Finances Agriculture Travail Armées Environnement Transports
Sport Sports Industrie Numérique Bourse Internet Web Net Terre Lune Soleil Dieu Histoire
Occident Hexagone Etat Republique Gouvernment Ministre Président Premier Sénateur Député
Monsieur Madame Mademoiselle Madame Directeur Directrice PDG DG CEO CFO COO CTO PIB TVA CDI
CDD SMS PME TPE ETI RH IA ONG HLM TV PC GPS USB PDF ADN VIH SIDA OK GDP VAT AI IPO NGO HR
SMIC RSA APL CSG IRPP TTC HT FAQ PS: NB QR URL WEB TGV RER SUV TER CHU CHR EHPAD Ehpad
IVG PMA BTP RTT CAF PV JT Vingt-Sept Vingt-Huit Douze Quinze
Government State Internet Web Moon Sun Earth God History Economy Defence Defense Justice
Treasury Health Education Culture Interior Finance Mr Mrs Ms Dr
Lire Voir Suivre Partager Mots-clés Photo Photos Vidéo Video Source Crédit Publié Mis Abonnez
Abonnez-vous Inscrivez-vous Connexion Newsletter Commentaires Commentaire Avatar Read Share
Follow Subscribe Advertisement Publicité Sommaire Lundi Mardi Mercredi Jeudi Vendredi Samedi
Dimanche GHz MHz kHz Hz kWh MWh GWh TWh kW MW GW Mo Go To Mbit Gbit
"""

NOT_NAMES = keys_of(_NOT_NAMES)
"""Capitalised words that are not names on their own: institutions written with a capital by
convention ("l'État"), titles, common acronyms, site furniture (folded)."""

MONTHS_AND_DAYS = keys_of(
    """
    janvier février mars avril mai juin juillet août septembre octobre novembre décembre
    january february march april may june july august september october november december
    lundi mardi mercredi jeudi vendredi samedi dimanche
    monday tuesday wednesday thursday friday saturday sunday
    """
)
"""Calendar words: dates are found by patterns, never as capitalised names."""

NAME_PARTICLES = keys_of("de du des d' von van der den di da del della dos das le la ten ter")
"""Lower-case particles inside people's names ("Charles de Gaulle", "Ursula von der Leyen")."""

INSTITUTION_HEADS = frozenset(
    str.split(
        """
        musée ministère lycée collège école université institut fondation association fédération
        confédération syndicat agence banque compagnie observatoire office théâtre orchestre
        comité commission notaires
        """
    )
)
"""Heads written in lower case before "de", "du", "des", "d'" and a name, with which they make
one organisation: "le musée d'Orsay", "le ministère de l'Intérieur". Offices named after their
place ("le tribunal de X", "la mairie de X") are not here: the place is the entity. Compared as
written (lower case, accents): a capitalised head is already part of the name's run."""

NAMED_BY_HEADS = frozenset(str.split("musée lycée collège école"))
"""Heads also written straight before a name, usually a person's: "le lycée Jean-Moulin"."""

INSTITUTION_ADJECTIVES = frozenset(
    str.split(
        """
        national nationale nationaux nationales européen européenne international internationale
        supérieur supérieure écologique public publique social sociale solidaire territoriale
        régional régionale fédéral fédérale numérique
        """
    )
)
"""Adjectives that end a portfolio named in an institution: "ministère de l'Éducation
nationale", "ministère de la Transition écologique"."""

PLACE_OFFICES = keys_of("tribunal parquet mairie rectorat académie cour")
"""Offices named after their place: "le tribunal de X", "le parquet de X" (X is a place)."""

CASED_ONLY = frozenset(
    key(name)
    for group in (_ORGS, _COUNTRIES_EN, _MISC)
    for name in group.replace("\n", " ").split(";")
    if name.strip().isupper()
    and key(name) in STOPWORDS | keys_of("eu ap om fo jo ps ey esa ena mit cio ue")
)
"""Acronyms in the lists that are also common words when not in capitals: "UN" / "Un",
"US" / "Us", "AP", "OM" (folded). They are names only written in capitals."""
