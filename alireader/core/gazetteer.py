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
Midi-Pyrénées; Languedoc-Roussillon; Pays basque; Béarn; Périgord; Beaujolais; Médoc;
Wallonie; Flandre; Flandres; Catalogne; Catalonia; Andalousie; Bavière; Bavaria; Sicile;
Sicily; Sardaigne; Toscane; Tuscany; Lombardie; Écosse; Québec; Ontario; Californie;
California; Texas; Floride; Florida; New Jersey; Virginie; Virginia; Pennsylvanie;
Pennsylvania; Ohio; Michigan; Illinois; Géorgie; Georgia; Arizona; Nevada; Oregon; Alaska;
Hawaï; Hawaii; Massachusetts; Caroline du Nord; North Carolina; Louisiane; Louisiana;
Colorado; Minnesota; Wisconsin; Kentucky; Tennessee; Alabama; Utah; Kansas; Iowa; Missouri;
Sibérie; Siberia; Donbass; Kurdistan; Xinjiang; Cachemire; Kashmir
"""

LOC_NAMES = _folded(_COUNTRIES_FR, _COUNTRIES_EN, _CITIES, _REGIONS)
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
Air Liquide; Crédit Suisse; Ernst & Young; EY; KPMG; Deloitte; PwC; McKinsey; Accenture
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
    """
)
"""Last words that make a capitalised sequence an organisation ("... Holdings", "... SA")."""

# --- Places: heads ---------------------------------------------------------------------------

LOC_HEADS = keys_of(
    """
    Mont Monts Lac Rue Avenue Boulevard Place Quai Pont Gare Aéroport Port Cap Golfe Mer Océan
    Île Îles Vallée Val Plateau Forêt Bois Baie Fort Mount Lake River Street Road Square Bay
    Island Islands Valley County Beach Gulf Cape Sea Ocean Province Canton Comté New North
    South East West Upper Lower Nord Sud
    """
)
"""First words that make a capitalised sequence a place ("Rue de ...", "Lake ...")."""

LOC_SUFFIXES = keys_of(
    "Street Avenue Road Boulevard Square Valley County Island Islands Lake Sea Ocean Canal River"
    " Mountains Mountain Hills Peninsula Strait Desert Coast Falls Bay Gulf"
)

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

MISC_NAMES = _folded(_MISC) | keys_of(_DEMONYMS)
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
    partner investor billionaire entrepreneur businessman businesswoman
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
    métropole agglomération localité île îles état usine site port aéroport gare campus
    environs plage vallée massif mont col lac fleuve rivière baie golfe désert forêt canton
    arrondissement préfecture sous-préfecture diocèse bourg hameau station rue avenue
    boulevard place quai impasse chemin près nord sud ouest nord-ouest sud-ouest nord-est
    sud-est large
    city town capital region province country village district suburb state island islands
    plant factory port airport county
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
Dimanche
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
