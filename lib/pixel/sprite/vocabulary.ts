// The engine's one vocabulary: every subject it can draw, in English and Chinese, with the
// builder that draws it. Rigs (humanoid, animal, dragon, blob, monster) draw what animates;
// `icon:` subjects are borrowed illustrated concepts (Fluent Emoji Flat, MIT) restyled by our
// pipeline (emoji-art.ts); `tile:` subjects are seamless terrain (tiles.ts).
//
// One line per subject: `id ; category ; draw ; english synonyms ; chinese synonyms`.
// A `~` before an English word makes it weak: it names the subject only when no other subject is
// named ("fire" alone is a fire; "a fire sword" is a sword with the fire modifier).
// A `≈` before an English word makes it a stand-in: a different thing the subject is the nearest
// drawing of ("hamster" → mouse). It draws the game icon of its own name when one exists, else
// the subject with a note in the interpretation — a stand-in is never drawn silently.

export type SubjectCategory =
  | "character"
  | "race"
  | "animal"
  | "creature"
  | "weapon"
  | "armour"
  | "food"
  | "treasure"
  | "tool"
  | "prop"
  | "plant"
  | "building"
  | "vehicle"
  | "terrain"
  | "ui";

export type Builder =
  | "humanoid"
  | "animal"
  | "dragon"
  | "blob"
  | "monster"
  | "item"
  | "scenery"
  | "tile"
  | "sea"
  | "bird"
  | "insect"
  | "icon";

export interface Subject {
  id: string;
  category: SubjectCategory;
  builder: Builder;
  /** rig variant, humanoid role/race id, tile kind or icon name */
  ref: string;
  en: string[];
  weak: string[];
  /** stand-in words (`≈`): another thing drawn as this one, always said so */
  standIn: string[];
  zh: string[];
}

const TABLE = `
knight;character;role:knight;knight;骑士
paladin;character;role:paladin;paladin,holy knight;圣骑士
crusader;character;role:crusader;crusader,templar,knight templar,teutonic knight;十字军,圣殿骑士
spartan;character;role:spartan;spartan,hoplite;斯巴达战士,斯巴达人,重装步兵
legionary;character;role:legionary;legionary,legionnaire,centurion,roman soldier,roman legionary;罗马军团,罗马士兵,百夫长
gladiator;character;role:gladiator;gladiator;角斗士
pharaoh;character;role:pharaoh;pharaoh;法老
soldier;character;role:soldier;soldier,guard,guardsman,sentry,trooper,marine,space marine;士兵,卫兵,守卫
warrior;character;role:warrior;warrior,fighter,swordsman;战士,剑士
barbarian;character;role:barbarian;barbarian,berserker;野蛮人,狂战士
viking;character;role:viking;viking,norseman;维京人
mage;character;role:mage;mage,wizard,sorcerer,sorceress,magician,warlock,enchanter;法师,巫师,魔法师,术士
witch;character;role:witch;witch,hag,flying witch;女巫
necromancer;character;role:necromancer;necromancer,cultist,dark mage;死灵法师,邪教徒
priest;character;role:priest;priest,cleric,healer,bishop;牧师,祭司,治疗师
nun;character;role:nun;nun,abbess,mother superior,prioress;修女
taoist;character;role:taoist;taoist priest,daoist priest,taoist,daoist;道士,道长,道人
monk;character;role:monk;monk,shaolin,shaolin monk,martial artist,kung fu;僧侣,武僧,和尚,少林,少林寺
druid;character;role:druid;druid,shaman;德鲁伊,萨满
archer;character;role:archer;archer,bowman,ranger,hunter;弓箭手,猎人,游侠
ninja;character;role:ninja;ninja,shinobi;忍者
assassin;character;role:assassin;assassin,rogue,thief,bandit,burglar;刺客,盗贼,小偷,强盗
samurai;character;role:samurai;samurai,ronin;武士
king;character;role:king;king,emperor,monarch,lord;国王,皇帝,君主
queen;character;role:queen;queen,empress;女王,皇后
prince;character;role:prince;prince;王子
princess;character;role:princess;princess;公主
pirate;character;role:pirate;pirate,buccaneer,corsair;海盗
captain;character;role:captain;captain,pirate captain,sailor,admiral;船长,海盗船长,水手
villager;character;role:villager;villager,peasant,townsfolk,citizen,commoner;村民,平民
farmer;character;role:farmer;farmer,gardener,rancher;农民,农夫,园丁
merchant;character;role:merchant;merchant,shopkeeper,trader,vendor;商人,店主
blacksmith;character;role:blacksmith;blacksmith,smith;铁匠
chef;character;role:chef;chef,cook;厨师,面包师
bard;character;role:bard;bard,musician,minstrel;吟游诗人,乐师
jiangshi;character;role:jiangshi;jiangshi,kyonshi,hopping vampire,hopping zombie;跳尸,僵尸道长
cowboy;character;role:cowboy;cowboy,gunslinger;牛仔
sheriff;character;role:sheriff;sheriff,marshal,deputy;警长
musketeer;character;role:musketeer;musketeer;火枪手
geisha;character;role:geisha;geisha,maiko;艺伎,艺妓
astronaut;character;role:astronaut;astronaut,spaceman,cosmonaut;宇航员
robot;character;role:robot;robot,android,droid,cyborg,mech,automaton;机器人,机甲
hero;character;role:hero;hero,adventurer,player,protagonist,traveler,traveller;英雄,冒险者,勇者,主角
person;character;role:person;~person,man,woman,boy,girl,~human,~character,~npc,kid,child,~people,men,women;人,男人,女人,男孩,女孩,人类,角色,小孩
elf;race;race:elf;elf,elves,elven;精灵族,精灵
dwarf;race;race:dwarf;dwarf,dwarves,dwarven;矮人
orc;race;race:orc;orc,orcs,orcish;兽人
goblin;race;race:goblin;goblin,hobgoblin,kobold;哥布林,地精
troll;race;race:troll;troll;巨魔
gnome;race;race:gnome;gnome,halfling,hobbit;侏儒,半身人
skeleton;race;race:skeleton;skeleton,skeletal;骷髅
zombie;race;race:zombie;zombie,ghoul,undead;僵尸,丧尸,亡灵
vampire;race;race:vampire;vampire,dracula;吸血鬼
lich;race;race:lich;lich;巫妖
mummy;race;race:mummy;mummy;木乃伊
demon;race;race:demon;demon,devil,fiend;恶魔,魔鬼,小恶魔
angel;race;race:angel;angel,seraph;天使
marid;race;race:genie;marid,ifrit,efreet;伊夫利特
cat;animal;animal:cat;cat,kitten,kitty,kitties;猫,小猫
dog;animal;animal:dog;dog,puppy,puppies,hound,doggo,pup,german shepherd,saint bernard,st bernard;狗,小狗,犬
wolf;animal;animal:wolf;wolf,wolves,warg,wolf pup,wolf cub;狼,小狼
fox;animal;animal:fox;fox;狐狸,狐
rabbit;animal;animal:rabbit;rabbit,bunny,bunnies,hare;兔子,兔
bear;animal;animal:bear;bear,grizzly;熊
panda;animal;animal:panda;panda;熊猫
horse;animal;animal:horse;horse,pony,stallion,mare,steed,foal,colt,filly;马,小马
unicorn;animal;animal:unicorn;unicorn;独角兽
deer;animal;animal:deer;deer,stag,reindeer,fawn,elk,wapiti;鹿,驯鹿,马鹿
moose;animal;animal:deer;moose;驼鹿
pig;animal;animal:pig;pig,piglet,hog,swine;猪,小猪
boar;animal;animal:boar;boar,≈warthog;野猪
cow;animal;animal:cow;cow,cattle,calf;牛,奶牛
bull;animal;animal:cow;bull,ox;公牛
sheep;animal;animal:sheep;sheep,lamb,ram;羊,绵羊,小羊
goat;animal;animal:goat;goat;山羊
mouse;animal;icon:mouse;mouse,mice,≈hamster;老鼠,鼠,仓鼠
lion;animal;animal:lion;lion,lioness;狮子,狮
tiger;animal;animal:tiger;tiger;老虎,虎
leopard;animal;icon:leopard;leopard,jaguar,≈cheetah;豹,猎豹,美洲豹
panther;animal;icon:leopard;panther,black panther;黑豹
chicken;animal;bird:chicken;chicken,hen;鸡,母鸡
rooster;animal;bird:rooster;rooster,cockerel;公鸡
chick;animal;icon:baby-chick;chick,chicks;小鸡
duck;animal;bird:duck;duck,duckling;鸭子,鸭,小鸭
goose;animal;icon:goose;goose,geese;鹅
bird;animal;bird:bird;bird,sparrow,songbird,robin;鸟,小鸟,麻雀,知更鸟
owl;animal;bird:owl;owl;猫头鹰
eagle;animal;bird:eagle;eagle,hawk,falcon;鹰,老鹰,猎鹰
parrot;animal;bird:parrot;parrot,macaw;鹦鹉
penguin;animal;bird:penguin;penguin;企鹅
dove;animal;icon:dove;dove;白鸽,和平鸽
pigeon;animal;bird:pigeon;pigeon;鸽子
swan;animal;icon:swan;swan;天鹅
flamingo;animal;bird:flamingo;flamingo;火烈鸟
peacock;animal;bird:peacock;peacock;孔雀
crow;animal;bird:crow;crow,rook,jackdaw;乌鸦
ostrich;animal;bird:ostrich;ostrich,emu;鸵鸟
stork;animal;bird:stork;stork;鹳,白鹳
vulture;animal;bird:vulture;vulture;秃鹫
gull;animal;bird:gull;gull;海鸥
toucan;animal;bird:toucan;toucan;巨嘴鸟
turkey;animal;bird:turkey;turkey;火鸡
pelican;animal;bird:pelican;pelican;鹈鹕
swallow;animal;bird:swallow;swallow;燕子
blue-jay;animal;bird:blue jay;blue jay;蓝松鸦
magpie;animal;bird:magpie;magpie;喜鹊
woodpecker;animal;bird:woodpecker;woodpecker;啄木鸟
kingfisher;animal;bird:kingfisher;kingfisher;翠鸟
kiwi-bird;animal;bird:kiwi;kiwi bird;几维鸟,鹬鸵
crane-bird;animal;bird:crane;crane bird,whooping crane;鹤,丹顶鹤
cardinal-bird;animal;bird:cardinal;cardinal bird,northern cardinal,redbird;北美红雀
frog;animal;icon:frog;frog,toad;青蛙,蛤蟆
turtle;animal;icon:turtle;turtle,tortoise;乌龟,龟
snake;animal;icon:snake;snake,serpent,cobra,viper;蛇
lizard;animal;icon:lizard;lizard,gecko,salamander,iguana,≈chameleon,komodo dragon;蜥蜴,壁虎,变色龙,鬣蜥
crocodile;animal;icon:crocodile;crocodile,≈alligator;鳄鱼
fish;animal;sea:fish;fish,goldfish,koi,clownfish,pufferfish,blowfish,swordfish,marlin,tuna,angelfish,piranha,anglerfish,salmon,trout,carp,catfish,eel,stingray,manta ray,hammerhead shark,hammerhead;鱼,金鱼,锦鲤,小丑鱼,河豚,剑鱼,金枪鱼,神仙鱼,食人鱼,鮟鱇鱼,三文鱼,鲑鱼,鳟鱼,鲤鱼,鲶鱼,鳗鱼,魟鱼,蝠鲼,双髻鲨,锤头鲨
shark;animal;icon:shark;shark;鲨鱼
whale;animal;icon:spouting-whale;whale;鲸鱼,鲸
dolphin;animal;icon:dolphin;dolphin;海豚
octopus;animal;sea:octopus;octopus;章鱼,海妖
squid;animal;sea:squid;squid;鱿鱼
crab;animal;icon:crab;crab;螃蟹,蟹
lobster;animal;icon:lobster;lobster;龙虾
jellyfish;animal;icon:jellyfish;jellyfish;水母
snail;animal;icon:snail;snail;蜗牛
bee;animal;insect:bee;bee,honeybee,bumblebee,bumble bee;蜜蜂,蜂,熊蜂
butterfly;animal;insect:butterfly;butterfly;蝴蝶
ladybug;animal;insect:ladybug;ladybug,ladybird,lady beetle;瓢虫
beetle;animal;insect:beetle;beetle,scarab;甲虫
ant;animal;insect:ant;ant;蚂蚁
wasp;animal;insect:wasp;wasp,hornet,yellowjacket,yellow jacket;黄蜂,胡蜂,马蜂
grasshopper;animal;insect:grasshopper;grasshopper,locust,katydid;蚱蜢,蝗虫,螽斯
cricket;animal;insect:cricket;cricket;蟋蟀
firefly;animal;insect:firefly;firefly,fireflies,lightning bug,glowworm;萤火虫
mantis;animal;insect:mantis;praying mantis,mantis,mantid;螳螂
stag-beetle;animal;insect:stag-beetle;stag beetle;锹形虫,锹甲
cockroach;animal;insect:cockroach;cockroach,roach;蟑螂
dragonfly;animal;insect:dragonfly;dragonfly,damselfly;蜻蜓
moth;animal;insect:moth;moth;飞蛾,蛾子
insect;animal;insect:insect;insect;昆虫
spider;animal;icon:spider;spider,tarantula;蜘蛛
scorpion;animal;icon:scorpion;scorpion;蝎子
worm;animal;icon:worm;worm,≈caterpillar,larva,larvae,grub,maggot;虫子,毛毛虫,幼虫
bat;animal;icon:bat;bat,bats;蝙蝠
monkey;animal;icon:monkey;monkey;猴子,猴
gorilla;animal;animal:bear;gorilla,ape,great ape;大猩猩
chimp;animal;animal:bear;chimp,chimpanzee;黑猩猩
orangutan;animal;animal:bear;orangutan,orang,orangutang;红毛猩猩,猩猩
elephant;animal;icon:elephant;elephant;大象
camel;animal;animal:horse;camel,dromedary,bactrian camel;骆驼,单峰驼,双峰驼
giraffe;animal;icon:giraffe;giraffe;长颈鹿
zebra;animal;animal:horse;zebra;斑马
hippo;animal;animal:pig;hippo,hippopotamus;河马
rhino;animal;animal:cow;rhino,rhinoceros;犀牛
bison;animal;animal:cow;bison,buffalo;野牛
yak;animal;animal:cow;yak;牦牛
water-buffalo;animal;animal:cow;water buffalo,carabao;水牛
kangaroo;animal;animal:rabbit;kangaroo,roo;袋鼠
koala;animal;animal:bear;koala;考拉
sloth;animal;icon:sloth;sloth;树懒
otter;animal;animal:fox;otter;水獭
badger;animal;animal:fox;badger,honey badger;獾,蜜獾
raccoon;animal;animal:fox;raccoon;浣熊
polar-bear;animal;animal:bear;polar bear,ice bear;北极熊
hedgehog;animal;animal:mouse;hedgehog;刺猬
squirrel;animal;animal:mouse;squirrel,≈chipmunk;松鼠
lynx;animal;animal:cat;lynx,bobcat,caracal;猞猁
hyena;animal;animal:wolf;hyena,hyaena;鬣狗
mole;animal;animal:mouse;mole;鼹鼠
opossum;animal;animal:mouse;opossum,possum;负鼠
skunk;animal;animal:fox;skunk;臭鼬
seal;animal;icon:seal;seal;海豹
llama;animal;animal:horse;llama,≈alpaca;羊驼
mammoth;animal;icon:mammoth;mammoth;猛犸象
dragon;creature;dragon:dragon;dragon,wyvern,drake,wyrm;龙,飞龙,巨龙
eastern-dragon;creature;dragon:eastern;chinese dragon,eastern dragon,oriental dragon,japanese dragon,lung dragon,serpent dragon;中国龙,东方龙,神龙,青龙,金龙
dinosaur;creature;icon:t-rex;dinosaur,dino,t-rex,trex,≈raptor,tyrannosaurus;恐龙,霸王龙
slime;creature;blob:slime;slime,blob,jelly,goo,ooze;史莱姆,粘液
ghost;creature;icon:ghost;ghost,phantom,specter,spectre,spook,poltergeist,wraith;幽灵,鬼魂,鬼
elemental;creature;blob:elemental;elemental,spirit;元素,元素精灵,灵魂
wisp;creature;blob:wisp;wisp,will-o-wisp,will o wisp,wisp light,spirit light,fairy light,ghost light,ghost lights,ignis fatuus,foxfire;鬼火,磷火,狐火,萤火精灵,精灵之光
golem;creature;gi:rock-golem@stone;golem;魔像
alien;creature;icon:alien-monster;alien,martian,invader;外星人
beast;creature;monster:monster;~monster,~beast,~creature,~critter,abomination,mutant;怪物,怪兽,野兽
phoenix;creature;icon:phoenix-bird;phoenix,firebird;凤凰,火鸟
mimic;creature;item:mimic;mimic,mimic chest,chest mimic,treasure mimic,mimic with teeth;宝箱怪
sword;weapon;item:sword;sword,blade,katana,saber,sabre,longsword,broadsword,rapier,scimitar;剑,刀,宝剑,武士刀
dagger;weapon;icon:dagger;dagger,knife,knives,dirk,≈kunai;匕首,小刀,苦无
axe;weapon;item:axe;axe,hatchet,battleaxe,battle axe,woodcutter's axe,woodcutters axe,woodcutter axe,lumberjack's axe,lumberjack axe,felling axe,wood axe,woodsman's axe,splitting axe,labrys,double axe,bearded axe;斧头,斧,伐木斧,柴斧,双刃斧
hammer;weapon;icon:hammer;hammer,mallet;锤子,锤
pickaxe;tool;icon:pick;pickaxe,pick axe,pick;镐,十字镐
staff;weapon;item:staff;staff,stave,rod,≈scepter,≈sceptre;法杖,权杖
bo-staff;weapon;gi:bo@wood;bo staff,bo,quarterstaff,fighting staff;长棍,齐眉棍,棍子
golden-cudgel;weapon;gi:bo@gold;jingu staff,jingu bang,ruyi jingu bang,golden cudgel;金箍棒,如意金箍棒
wand;weapon;icon:magic-wand;wand,magic wand;魔杖,魔法棒
bow;weapon;icon:bow-and-arrow;bow,bow and arrow,longbow,arrow,arrows,crossbow bolt,crossbow bolts;弓,弓箭,箭
spear;weapon;item:spear;spear,lance,pike,javelin;长矛,长枪,标枪
trident;weapon;icon:trident-emblem;trident;三叉戟
shield;armour;item:shield;shield,buckler;盾牌,盾
bomb;weapon;icon:bomb;bomb,grenade,explosive;炸弹,手雷
dynamite;weapon;icon:firecracker;dynamite,firecracker,tnt;炸药,鞭炮
boomerang;weapon;icon:boomerang;boomerang;回旋镖
gun;weapon;gi:revolver|pistol-gun@iron;gun,pistol,blaster,revolver,handgun,six-shooter;枪,手枪,左轮
crossed-swords;ui;icon:crossed-swords;crossed swords,battle icon;双剑,交叉剑
helmet;armour;gi:visored-helm|light-helm@iron;helmet,helm,knight's helmet,knight helmet,great helm;头盔,骑士头盔
army-helmet;armour;icon:military-helmet;army helmet,military helmet,combat helmet,soldier's helmet,soldier helmet;钢盔,军用头盔
crown;treasure;icon:crown;crown,tiara,diadem;皇冠,王冠
hat;armour;icon:top-hat;hat,top hat;帽子,礼帽
cap;armour;icon:billed-cap;cap,baseball cap;鸭舌帽
boots;armour;icon:hiking-boot;boot,boots;靴子
gloves;armour;icon:gloves;glove,gloves,≈gauntlet,≈gauntlets;手套,护手
coat;armour;icon:coat;≈tunic,coat,jacket;外套,大衣
ring;treasure;icon:ring;ring,rings;戒指
amulet;treasure;icon:nazar-amulet;amulet,talisman,charm;护身符
necklace;treasure;gi:gem-pendant|gem-necklace@gold;necklace,pendant,locket;项链,吊坠
bracelet;treasure;gi:prayer-beads@gold;bracelet,bangle,anklet,armlet,charm bracelet,bead bracelet;手镯,手链,脚链
goggles;armour;icon:goggles;goggles;护目镜
glasses;armour;icon:glasses;glasses,spectacles;眼镜
potion;food;item:potion;potion,elixir,flask,vial,tonic;药水,药剂,药瓶
apple;food;icon:red-apple;apple;苹果
green-apple;food;icon:green-apple;green apple;青苹果
bread;food;icon:bread;bread,loaf;面包
baguette;food;icon:baguette-bread;baguette;法棍
cheese;food;icon:cheese-wedge;cheese;奶酪
meat;food;icon:meat-on-bone;meat,ham,steak,drumstick;肉,火腿,牛排
chicken-leg;food;icon:poultry-leg;chicken leg,turkey leg,roast chicken;鸡腿
bacon;food;icon:bacon;bacon;培根
egg;food;icon:egg;egg,eggs;蛋,鸡蛋
fried-egg;food;icon:cooking;fried egg,fried eggs,sunny side up;煎蛋
carrot;food;icon:carrot;carrot;胡萝卜
potato;food;icon:potato;potato,potatoes;土豆,马铃薯
tomato;food;icon:tomato;tomato,tomatoes;番茄,西红柿
corn;food;icon:ear-of-corn;corn,maize;玉米
eggplant;food;icon:eggplant;eggplant,aubergine;茄子
pumpkin;food;icon:jack-o-lantern;pumpkin,jack-o-lantern,jack o lantern;南瓜
onion;food;icon:onion;onion;洋葱
garlic;food;icon:garlic;garlic;大蒜
pepper;food;icon:hot-pepper;pepper,chili,chilli;辣椒
broccoli;food;icon:broccoli;broccoli;西兰花
cucumber;food;icon:cucumber;cucumber;黄瓜
banana;food;icon:banana;banana;香蕉
grapes;food;icon:grapes;grape,grapes;葡萄
cherry;food;icon:cherries;cherry,cherries;樱桃
strawberry;food;icon:strawberry;strawberry,strawberries;草莓
watermelon;food;icon:watermelon;watermelon;西瓜
lemon;food;icon:lemon;lemon;柠檬
pear;food;icon:pear;pear;梨
peach;food;icon:peach;peach,peaches;桃子,桃
pineapple;food;icon:pineapple;pineapple;菠萝
coconut;food;icon:coconut;coconut;椰子
~orange-fruit;food;icon:tangerine;tangerine,~orange;橘子,橙子
avocado;food;icon:avocado;avocado;牛油果
cake;food;icon:shortcake;cake,cakes;蛋糕
cupcake;food;icon:cupcake;cupcake,muffin;纸杯蛋糕
pie;food;icon:pie;pie,tart;派,馅饼
cookie;food;icon:cookie;cookie,biscuit;饼干,曲奇
donut;food;icon:doughnut;donut,doughnut;甜甜圈
candy;food;icon:candy;candy,sweet,sweets;糖果,糖
lollipop;food;icon:lollipop;lollipop;棒棒糖
chocolate;food;icon:chocolate-bar;chocolate,chocolate bar;巧克力
ice-cream;food;icon:soft-ice-cream;ice cream,icecream,gelato;冰淇淋
pizza;food;icon:pizza;pizza;披萨
burger;food;icon:hamburger;burger,hamburger,cheeseburger;汉堡
taco;food;icon:taco;taco,tacos;塔可,墨西哥玉米卷
fork;tool;icon:fork-and-knife;fork,table fork,fork and knife,cutlery;叉子,刀叉,餐具
hotdog;food;icon:hot-dog;hotdog,hot dog,sausage;热狗,香肠
sushi;food;icon:sushi;sushi;寿司
rice;food;icon:cooked-rice;rice,rice bowl;米饭
noodles;food;icon:steaming-bowl;noodles,ramen,soup,stew;面条,拉面,汤
honey;food;icon:honey-pot;honey,honey pot,jar of honey,honey jar,pot of honey;蜂蜜,蜂蜜罐,一罐蜂蜜
milk;food;icon:glass-of-milk;milk,milk bottle,glass of milk,milk jug;牛奶
coffee;food;icon:hot-beverage;coffee,tea,cup,mug;咖啡,茶,杯子
beer;food;icon:beer-mug;beer,ale,tankard;啤酒
wine;food;icon:wine-glass;wine,wine glass;葡萄酒,酒杯
bottle;food;icon:bottle-with-popping-cork;bottle;瓶子,瓶
mushroom-food;food;icon:brown-mushroom;brown mushroom,truffle;褐菇
chest;treasure;item:chest;chest,treasure chest,treasure,loot;宝箱,箱子,宝藏
question-block;prop;item:qblock;question block,question mark block,mystery block,lucky block,item block,bonus block;问号砖块,问号方块,问号块
coin;treasure;item:coin;coin,gold coin,money,gold coins;金币,硬币,钱
gem;treasure;icon:gem-stone;gem,gemstone,diamond,jewel,sapphire,~crystal;宝石,钻石,水晶,蓝宝石
ruby;treasure;icon:gem-stone;ruby,rubies,ruby gem,garnet;红宝石
emerald;treasure;icon:gem-stone;emerald,emerald gem;绿宝石,翡翠
amethyst;treasure;icon:gem-stone;amethyst,amethyst gem;紫水晶
topaz;treasure;icon:gem-stone;topaz,citrine,amber gem;黄玉,黄宝石
key;treasure;icon:key;key,keys;钥匙
old-key;treasure;icon:old-key;old key,skeleton key,dungeon key;旧钥匙
money-bag;treasure;icon:money-bag;money bag,moneybag,bag of gold,pouch,purse;钱袋
trophy;treasure;icon:trophy;trophy,cup trophy,trophy cup;奖杯
goblet;treasure;gi:jeweled-chalice@gold;goblet,chalice,grail,holy grail;高脚杯,圣杯
medal;treasure;icon:sports-medal;medal,badge;奖牌,勋章
crystal-ball;treasure;icon:crystal-ball;crystal ball,orb,magic orb;水晶球,宝珠
scroll;treasure;icon:scroll;scroll,parchment;卷轴
map;treasure;icon:world-map;map,world map;地图
book;treasure;icon:closed-book;book,spellbook,spell book,tome,grimoire,journal;书,魔法书,书本
letter;treasure;icon:envelope;letter,envelope,mail;信,信封
gift;treasure;icon:wrapped-gift;gift,present,giftbox;礼物,礼盒
hourglass;treasure;icon:hourglass-not-done;hourglass,sand timer;沙漏
compass;tool;icon:compass;compass;指南针
mortar-and-pestle;tool;gi:pestle-mortar@stone;mortar and pestle,pestle and mortar,pestle,mortar;研钵,捣药钵,药臼
skull;treasure;icon:skull;skull,skulls;头骨,骷髅头
bone;treasure;icon:bone;bone,bones;骨头
feather;treasure;icon:feather;feather,quill;羽毛
ticket;treasure;icon:admission-tickets;ticket,tickets;票
puzzle;treasure;icon:puzzle-piece;puzzle,puzzle piece,jigsaw;拼图
dice;treasure;icon:game-die;dice,die;骰子
wrench;tool;icon:wrench;wrench,spanner;扳手
screwdriver;tool;icon:screwdriver;screwdriver;螺丝刀
saw;tool;icon:carpentry-saw;saw;锯子,锯
toolbox;tool;icon:toolbox;toolbox,tool box,tools;工具箱,工具
magnet;tool;icon:magnet;magnet;磁铁
scissors;tool;icon:scissors;scissors;剪刀
fishing-rod;tool;icon:fishing-pole;fishing rod,fishing pole,rod and reel;鱼竿,钓竿
bucket;tool;icon:bucket;bucket,pail;水桶,桶
sack;prop;gi:powder-bag|swap-bag@cloth;sack,bag,burlap sack,grain sack;袋子,麻袋,布袋
broom;tool;icon:broom;broom,broomstick;扫帚
lantern;tool;gi:lantern-flame|old-lantern|lantern|asian-lantern@gold;lantern,lanterns;提灯,马灯
paper-lantern;tool;icon:red-paper-lantern;paper lantern,chinese lantern,red lantern,asian lantern,sky lantern;纸灯笼,灯笼,红灯笼
flashlight;tool;icon:flashlight;flashlight,torchlight;手电筒
torch;tool;item:torch;torch,torches,firebrand;火把
candle;prop;icon:candle;candle,candles;蜡烛
lamp;prop;icon:diya-lamp;oil lamp,lamp;油灯,灯
bulb;ui;icon:light-bulb;light bulb,bulb,idea;灯泡
gear;ui;icon:gear;gear,cog,settings;齿轮,设置
magnifier;ui;icon:magnifying-glass-tilted-left;magnifying glass,magnifier,search;放大镜
telescope;tool;icon:telescope;telescope,spyglass;望远镜
ladder;prop;icon:ladder;ladder;梯子
rope;prop;icon:knot;rope,knot;绳子
chain;prop;icon:chains;chain,chains,shackles;锁链,链条
anchor;prop;icon:anchor;anchor;锚
barrel;prop;gi:barrel@wood;barrel,keg,cask,≈drum;木桶,桶子,酒桶
crate;prop;icon:package;crate,box,package,parcel;箱,木箱,包裹
chair;prop;icon:chair;chair,stool,seat;椅子
bed;prop;icon:bed;bed;床
couch;prop;icon:couch-and-lamp;couch,sofa;沙发
door;prop;icon:door;door,doorway;门
carpet;prop;item:carpet;carpet,rug,magic carpet,flying carpet,persian rug;地毯,魔毯,飞毯,魔法地毯
dungeon-door;prop;item:door-dungeon;dungeon door,iron-bound door,ironbound door,iron bound door,iron banded door,studded door,castle door,heavy door,vault door;地牢门,地牢的门,地牢大门
cell-door;prop;item:door-cell;prison cell door,cell door,prison door,jail door,jail cell door,cell bars;牢门,牢房门,牢房的门,监狱门,监狱大门
wooden-door;prop;item:door-wooden;wooden door,wood door,plank door;木门,木头门
window;prop;icon:window;window;窗户,窗
mirror;prop;icon:mirror;mirror;镜子
toilet;prop;icon:toilet;toilet;马桶
bathtub;prop;icon:bathtub;bathtub,bath;浴缸
clock;prop;icon:mantelpiece-clock;clock;时钟,钟
vase;prop;icon:amphora;vase,urn,amphora,jar,pot,pottery;花瓶,罐子,陶罐
cauldron;prop;icon:pot-of-food;cauldron,cooking pot;大锅,锅
bell;prop;icon:bell;bell;铃铛
flag;prop;icon:triangular-flag;flag,banner,pennant;旗子,旗帜
sign;prop;icon:placard;sign,signpost,placard,board;牌子,告示牌
tent;building;icon:tent;tent,camp;帐篷
campfire;prop;icon:fire;campfire,bonfire;篝火,营火
fire;ui;icon:fire;~fire,~flame,~flames,blaze;火,火焰
gravestone;prop;icon:headstone;gravestone,tombstone,headstone,grave;墓碑,坟墓
coffin;prop;icon:coffin;coffin,casket;棺材
logs;prop;icon:wood;log,logs,firewood,lumber,wood pile;木头,原木,木柴
rock;plant;icon:rock;rock,boulder,stone pile,pebble;石头,岩石
teddy;prop;icon:teddy-bear;teddy bear,teddy,plush;泰迪熊,玩偶
balloon;prop;icon:balloon;balloon,balloons;气球
umbrella;prop;icon:umbrella;umbrella,parasol;雨伞,伞
guitar;prop;icon:guitar;guitar,≈lute;吉他,琵琶
drum-set;prop;icon:drum;snare drum,war drum;鼓
trumpet;prop;icon:trumpet;trumpet,horn;小号,号角
tree;plant;plant:tree;tree,oak,forest,maple,willow;树,树木,橡树,森林
blossom-tree;plant;plant:tree;cherry blossom tree,sakura tree,blossom tree,blossoming tree,flowering tree,cherry blossoms;樱花树,樱树,桃花树,开花的树
autumn-tree;plant;plant:tree;autumn tree,fall tree,autumn maple,autumn maple tree,red maple,maple in autumn,autumn leaves tree;枫树,红枫,秋天的树,秋树
pine;plant;plant:pine;pine,pine tree,fir,spruce,conifer;松树,杉树
christmas-tree;plant;icon:christmas-tree;christmas tree,xmas tree;圣诞树
palm;plant;icon:palm-tree;palm,palm tree,coconut tree;棕榈树,椰子树
cherry-blossom;plant;icon:cherry-blossom;cherry blossom,sakura,blossom;樱花
flower;plant;plant:flower;flower,flowers,daisy,blossoms;花,花朵,雏菊
rose;plant;icon:rose;rose,roses;玫瑰
tulip;plant;icon:tulip;tulip,tulips;郁金香
sunflower;plant;icon:sunflower;sunflower,sunflowers;向日葵
mushroom;plant;plant:mushroom;mushroom,mushrooms,toadstool,fungus,shroom,spotted mushroom,fly agaric;蘑菇,菌
cactus;plant;plant:cactus;cactus,cacti;仙人掌
bush;plant;icon:potted-plant;bush,shrub,potted plant,houseplant,flower pot,plant pot;灌木,盆栽
herb;plant;icon:herb;herb,herbs,weed,grass tuft;草药,香草
clover;plant;icon:four-leaf-clover;clover,four leaf clover,shamrock;四叶草,三叶草
leaf;plant;icon:maple-leaf;leaf,leaves,maple leaf;叶子,枫叶
sprout;plant;icon:seedling;sprout,seedling,seed,sapling;幼苗,种子,树苗
wheat;plant;icon:sheaf-of-rice;wheat,crop,crops,grain,hay;小麦,麦子,庄稼
bamboo;plant;icon:tanabata-tree;bamboo;竹子
house;building;building:house;house,home,cottage,cabin,building,inn,tavern,barn,mansion,manor;房子,房屋,小屋,建筑,旅馆,酒馆
castle;building;building:castle;castle,fortress,citadel,keep,palace;城堡,要塞,宫殿
tower;building;gi:stone-tower|clock-tower|white-tower|guarded-tower@stone;tower,watchtower,wizard tower;塔,高塔
lighthouse;building;building:lighthouse;lighthouse;灯塔
church;building;icon:church;church,chapel,cathedral;教堂
temple;building;icon:classical-building;temple,≈museum,≈bank,≈courthouse;神殿,寺庙,银行
shrine;building;icon:shinto-shrine;shrine,torii;神社,鸟居
japanese-castle;building;icon:japanese-castle;japanese castle;天守阁
hut;building;icon:hut;hut,shack,≈yurt;茅屋,棚屋
shop;building;icon:convenience-store;shop,store,market;商店,超市
factory;building;icon:factory;factory,≈mill,workshop;工厂
hospital;building;icon:hospital;hospital,clinic;医院
school;building;icon:school;school,academy;学校
stadium;building;icon:stadium;stadium,arena,colosseum;体育场,竞技场
fountain;building;icon:fountain;fountain;喷泉
mountain;plant;icon:mountain;mountain,mountains,hill,peak;山,山峰
volcano;plant;icon:volcano;volcano;火山
island;plant;icon:desert-island;island;岛,小岛
rocket;vehicle;icon:rocket;rocket,missile,rocket ship,rocketship;火箭,导弹
ufo;vehicle;icon:flying-saucer;ufo,flying saucer;飞碟,不明飞行物
car;vehicle;vehicle:car;car,automobile,sports car,racecar,race car,kart;车,汽车,赛车
truck;vehicle;icon:delivery-truck;truck,lorry,van;卡车,货车
bus;vehicle;icon:bus;bus;公交车,巴士
police-car;vehicle;icon:police-car;police car,cop car;警车
fire-truck;vehicle;icon:fire-engine;fire truck,fire engine;消防车
ambulance;vehicle;icon:ambulance;ambulance;救护车
taxi;vehicle;icon:taxi;taxi,cab;出租车
tractor;vehicle;icon:tractor;tractor;拖拉机
semi-truck;vehicle;icon:articulated-lorry;semi truck,articulated lorry;半挂车
boat;vehicle;vehicle:boat;boat,ship,galleon,yacht,rowboat;船,小船,大船
paper-boat;vehicle;gi:paper-boat@paper;paper boat,origami boat;纸船
sailboat;vehicle;icon:sailboat;sailboat,sail boat,dinghy;帆船,小帆船
speedboat;vehicle;icon:speedboat;speedboat,motorboat,≈jet ski;快艇,摩托艇
canoe;vehicle;icon:canoe;canoe,kayak;独木舟,皮划艇
airplane;vehicle;icon:airplane;airplane,aeroplane,plane,jet,aircraft;飞机
helicopter;vehicle;icon:helicopter;helicopter,chopper;直升机
train;vehicle;icon:locomotive;train,locomotive,steam train;火车
bicycle;vehicle;icon:bicycle;bicycle,bike;自行车
motorcycle;vehicle;icon:motorcycle;motorcycle,motorbike;摩托车
scooter;vehicle;icon:kick-scooter;scooter;滑板车
skateboard;vehicle;icon:skateboard;skateboard;滑板
sled;vehicle;icon:sled;sled,sleigh,sledge;雪橇
trolley;vehicle;icon:shopping-cart;trolley,shopping cart;手推车,购物车
grass-tile;terrain;tile:grass;grass,grass tile,lawn,meadow;草地,草坪,草
dirt-tile;terrain;tile:dirt;dirt,soil,mud,earth,dirt tile;泥土,土地,泥巴
stone-tile;terrain;tile:stone;stone,cobblestone,cobble,stone tile,rock tile,stone floor;石地,石板,鹅卵石
brick-tile;terrain;tile:brick;brick,bricks,brick wall,wall,dungeon wall;砖,砖墙,墙
wood-tile;terrain;tile:wood;planks,wood planks,wooden floor,floorboards,wood floor;木板,地板
water-tile;terrain;tile:water;water,sea,ocean,lake,river,pond;水,海,湖,河
lava-tile;terrain;tile:lava;lava,magma;熔岩,岩浆
sand-tile;terrain;tile:sand;sand,desert,beach,dune;沙子,沙漠,沙滩
snow-tile;terrain;tile:snow;snow,snowfield;雪,雪地
ice-tile;terrain;tile:ice;ice tile,ice floor,frozen lake;冰面,冰块
platform;terrain;tile:platform;platform,ledge,platform top,ground,floor,terrain,tile,block;平台,地面,地形,地砖,方块
heart;ui;icon:red-heart;heart,hearts,health,life,hp;心,爱心,生命,血量
star;ui;icon:star;star,stars;星星,星
sparkles;ui;icon:sparkles;sparkle,sparkles,glitter,twinkle;闪光,闪耀
lightning;ui;icon:high-voltage;lightning,thunder,bolt,zap,electricity;闪电,雷电
explosion;ui;icon:collision;explosion,boom,blast,impact,hit effect;爆炸,冲击
droplet;ui;icon:droplet;droplet,drop,water drop,raindrop,mana;水滴,雨滴,法力
snowflake;ui;icon:snowflake;snowflake;雪花
cloud;ui;icon:cloud;cloud,clouds;云,云朵
sun;ui;icon:sun;sun,sunny;太阳
moon;ui;icon:crescent-moon;moon,crescent;月亮,月
rainbow;ui;icon:rainbow;rainbow;彩虹
tornado;ui;icon:tornado;tornado,whirlwind,cyclone;龙卷风,旋风
comet;ui;icon:comet;comet,meteor,fireball;彗星,流星,火球
planet;ui;icon:ringed-planet;planet,saturn;行星,星球
lock;ui;icon:locked;lock,padlock,locked;锁
check;ui;icon:check-box-with-check;check,checkmark,tick,done;勾,对勾
cross;ui;icon:cross-mark;cross mark,cancel,wrong;叉,错误
warning;ui;icon:warning;warning,alert,caution;警告
exclamation;ui;icon:red-exclamation-mark;exclamation,exclamation mark,quest marker;感叹号
question;ui;icon:red-question-mark;question mark,question,unknown;问号
speech;ui;icon:speech-balloon;speech bubble,speech balloon,dialog,dialogue,chat;对话框,气泡
note;ui;icon:musical-note;music note,musical note,music,song;音符,音乐
zzz;ui;icon:zzz;zzz,sleep;睡觉
target;ui;icon:bullseye;target,bullseye,crosshair;靶子,目标
hundred;ui;icon:hundred-points;score,points;分数
poison-icon;ui;icon:skull-and-crossbones;skull and crossbones,jolly roger,death icon,poison icon;骷髅旗,毒药标志
pill;food;icon:pill;pill,medicine,capsule;药丸,药
syringe;tool;icon:syringe;syringe,needle,injection;注射器
`;

// game-icons.net silhouettes (CC BY 3.0), coloured by the material after `@` (game-icons.ts);
// `|` separates alternative drawings a seed chooses between.
const GAME_TABLE = `
anvil;tool;gi:anvil@iron;anvil;铁砧
treasure-map;treasure;gi:treasure-map@paper;treasure map,pirate map;藏宝图
pagoda;building;gi:pagoda@wood;pagoda;宝塔,佛塔
bookshelf;prop;gi:bookshelf@wood;bookshelf,bookcase,book shelf,bookshelves;书架,书柜
well;building;building:well;well,wishing well,water well,stone well;水井,井
scarecrow;prop;gi:scarecrow@cloth;scarecrow;稻草人
cyclops;creature;monster:cyclops;cyclops,cyclopes;独眼巨人
asteroid;prop;gi:asteroid@rock;asteroid,space rock;小行星
watering-can;tool;gi:watering-can@iron;watering can,watering pot;浇水壶,洒水壶
spring;prop;gi:spring|bouncing-spring@iron;spring,spring pad,jump pad,bounce pad,springboard,trampoline;弹簧,弹跳板
laser-gun;weapon;gi:ray-gun@tech;laser gun,ray gun,laser pistol,laser rifle,raygun,phaser,plasma gun,plasma rifle;激光枪,射线枪
satellite;prop;gi:satellite|defense-satellite@tech;satellite;卫星
werewolf;creature;gi:werewolf@fur;werewolf,lycan,lycanthrope,wolfman;狼人
beholder;creature;monster:beholder;beholder,floating eye,eye monster,eye tyrant,floating eyeball monster,eyeball monster,floating eyeball,flying eyeball,eyeball creature,eyeball beast;眼魔,眼球怪,眼球怪物,浮空眼
spikes;prop;gi:spiky-pit@iron;spike trap,spikes,spike,spike pit,floor spikes;尖刺,地刺,尖刺陷阱
club;weapon;gi:wood-club@wood;club,cudgel,bludgeon;棍棒,狼牙棒
mace;weapon;gi:spiked-mace@iron;mace,morning star;钉锤,流星锤
flail;weapon;gi:flail@iron;flail,war flail,ball and chain;连枷
wizard-hat;armour;gi:pointy-hat@cloth;wizard hat,witch hat,pointy hat,witch's hat;巫师帽,魔法帽
cape;armour;gi:cloak@cape;cape,cloak,mantle;披风,斗篷
centaur;creature;gi:centaur@fur;centaur;半人马
gargoyle;creature;gi:gargoyle@marble;gargoyle;石像鬼
turret;weapon;gi:turret|laser-turret@tech;turret,sentry gun,gun turret,laser turret;炮塔
drone;vehicle;gi:delivery-drone@tech;drone,quadcopter;无人机
portal;prop;gi:magic-portal|portal@crystal;portal,warp gate,teleporter,gateway;传送门
lever;prop;gi:joystick@iron;lever,switch,pull lever;拉杆,开关
altar;prop;gi:sword-altar|star-altar@stone;altar;祭坛
throne;prop;gi:stone-throne|throne-king@gold;throne;王座
totem;prop;gi:totem@wood;totem,totem pole;图腾
cannon;weapon;gi:cannon|pirate-cannon@iron;cannon,artillery;大炮
catapult;weapon;gi:catapult@wood;catapult,trebuchet,ballista;投石车
windmill;building;building:windmill;windmill;风车
shovel;tool;gi:trench-spade|spade@iron;shovel,spade;铲子,铁锹
ore;prop;gi:rock|ore@ore;ore,ore vein,ore rock,mineral;矿石
gold-bar;treasure;gi:gold-bar@gold;gold bar,ingot,gold ingot,bullion;金条,金锭
stump;plant;gi:stump-regrowth|axe-in-stump@wood;stump,tree stump;树桩
crossbow;weapon;gi:crossbow@wood;crossbow,arbalest;弩
statue;prop;gi:colombian-statue@marble;statue,idol,sculpture;雕像
ribcage;prop;gi:ribcage@bone;ribcage,rib cage,ribs;肋骨
fence;prop;gi:wooden-fence@wood;fence,picket fence;栅栏,篱笆
bridge;building;gi:stone-bridge|rope-bridge@stone;bridge;桥
fireplace;prop;gi:fireplace@stone;fireplace,hearth,≈furnace,≈forge;壁炉,熔炉
backpack;armour;gi:knapsack|backpack@leather;backpack,knapsack,rucksack,pack;背包
boomerang;weapon;gi:boomerang@wood;boomerang;回旋镖
shuriken;weapon;gi:shuriken@iron;shuriken,throwing star,ninja star;手里剑,飞镖
dynamite;weapon;gi:dynamite|fire-bomb@fire;dynamite,tnt;炸药
finish-flag;prop;gi:checkered-flag|level-end-flag|flag-objective@cloth;checkpoint,checkpoint flag,goal flag,finish flag,checkered flag;检查点,终点旗
mailbox;prop;gi:mailbox@iron;mailbox,postbox;邮箱
telescope;tool;gi:telescope@iron;telescope,spyglass;望远镜
spaceship;vehicle;gi:spaceship|space-shuttle|ufo|rocket@tech;spaceship,starship,space ship,spacecraft;宇宙飞船,飞船
mining-pick;tool;gi:war-pick|mining@iron;war pick,mining pick;矿镐
scythe;weapon;gi:scythe|reaper-scythe@iron;scythe;镰刀
sickle;tool;gi:sickle@iron;sickle;镰
pitchfork;tool;gi:pitchfork@wood;pitchfork;干草叉
rake;tool;gi:rake@iron;rake;耙子
hoe;tool;item:axe;hoe,garden hoe,farming hoe,farm hoe;锄头,锄
beehive;prop;gi:beehive@gold;beehive,bee hive,hive;蜂巢
wheelbarrow;vehicle;gi:wheelbarrow@wood;wheelbarrow;独轮车
crystal-cluster;prop;gi:crystal-growth|crystal-cluster@crystal;crystal cluster,crystals,crystal formation;水晶簇
carnivorous-plant;plant;gi:carnivorous-plant@plant;carnivorous plant,venus flytrap,piranha plant;食人花
sandworm;creature;gi:leeching-worm@sand;sandworm,giant worm,death worm;沙虫
sea-serpent;creature;gi:sea-dragon@flesh;sea serpent,sea dragon,leviathan,sea monster;海蛇,海龙
golem-rock;creature;gi:rock-golem@stone;rock golem,stone golem,earth golem,rock monster,stone monster;石头人
ice-golem;creature;gi:ice-golem@crystal;ice golem,frost golem,snow golem;冰魔像,冰傀儡
treant;creature;gi:tree-face@wood;treant,ent,tree monster,tree man,living tree;树人
battle-tank;vehicle;gi:battle-tank|great-war-tank@iron;tank,battle tank,army tank;坦克
pegasus;creature;gi:pegasus@ghost;pegasus,winged horse,flying horse;飞马
sphinx;creature;gi:greek-sphinx|egyptian-sphinx@gold;sphinx;狮身人面像
grim-reaper;creature;gi:grim-reaper@dark;grim reaper,reaper,death;死神
cart;vehicle;gi:mine-wagon@iron;cart,minecart,mine cart,mining cart,ore cart;矿车
wagon;vehicle;gi:old-wagon@wood;wagon,carriage,stagecoach,coach,covered wagon;马车
bear-trap;prop;gi:wolf-trap@iron;bear trap,beartrap,wolf trap,jaw trap,snare;捕兽夹
armour-plate;armour;gi:chest-armor|layered-armor@iron;armor,armour,chestplate,breastplate,plate armor,plate armour,chest armor;盔甲,铠甲,护甲,胸甲
leather-armor;armour;gi:leather-armor|leather-vest@leather;leather armor,leather armour,leather vest,jerkin;皮甲
rifle;weapon;gi:winchester-rifle@iron;rifle,sniper rifle,sniper,hunting rifle,carbine;步枪,狙击枪
beer;food;icon:beer-mug;beer,beer mug,ale,tankard,stein,mead;啤酒,麦酒
chess-piece;prop;gi:chess-knight|chess-rook|chess-king@wood;chess piece,chess knight,chess rook,chess king,chess pawn;棋子,象棋
playing-card;prop;icon:joker;playing card,playing cards,card,cards,joker;扑克牌,纸牌
dead-tree;plant;gi:dead-wood@wood;dead tree,bare tree,withered tree,leafless tree,spooky tree;枯树
safe;treasure;gi:strongbox|locked-box@iron;safe,strongbox,lockbox,strong box,vault box,lock box;保险箱
chandelier;prop;gi:lit-candelabra@gold;chandelier,candelabra,candlestick;吊灯,烛台
clam;food;icon:oyster;clam,oyster,mussel,scallop;蛤蜊,牡蛎,贝
battery;tool;icon:battery;battery,energy cell,power cell,fuel cell,energy pack;电池,能量电池
hoverboard;vehicle;gi:skateboard@tech;hoverboard,hover board;悬浮滑板
pavilion;building;gi:medieval-pavilion@cloth;pavilion,gazebo,marquee,market tent;凉亭,帐篷亭
lily;plant;icon:lotus;lily,lotus,water lily,lily pad,lilypad;莲花,睡莲,荷花
warhammer;weapon;gi:thor-hammer|flat-hammer|3d-hammer@iron;warhammer,war hammer,maul,war maul,battle hammer,great hammer,sledgehammer,sledge hammer;战锤,大锤,重锤
halberd;weapon;gi:sharp-halberd@iron;halberd,poleaxe,glaive,polearm;戟,长戟
street-lamp;prop;gi:street-light@iron;street lamp,street light,lamp post,lamppost;路灯
pillar;building;gi:ionic-column|ancient-columns@marble;pillar,column,stone pillar,broken column,ruins;柱子,石柱,遗迹
space-helmet;armour;gi:astronaut-helmet|space-suit@tech;space helmet,astronaut helmet,space suit,spacesuit;太空头盔,宇航服
gate;building;gi:medieval-gate|dungeon-gate@stone;gate,castle gate,portcullis,city gate,dungeon gate;大门,城门
rat;animal;animal:mouse;rat,sewer rat;耗子,大老鼠
`;

/**
 * The draw column's prefix → the builder that draws it (builders.ts holds one entry per
 * builder). A line with another prefix is a mistake in the table, caught when it loads.
 */
const DRAW_PREFIX: Readonly<Record<string, Builder>> = {
  role: "humanoid",
  race: "humanoid",
  animal: "animal",
  dragon: "dragon",
  blob: "blob",
  monster: "monster",
  item: "item",
  tile: "tile",
  sea: "sea",
  bird: "bird",
  insect: "insect",
  icon: "icon",
  gi: "icon",
  building: "scenery",
  vehicle: "scenery",
  plant: "scenery",
};

function parseTable(): Subject[] {
  const out: Subject[] = [];
  for (const raw of `${TABLE}\n${GAME_TABLE}`.split("\n")) {
    const line = raw.trim();
    if (!line) continue;
    const [id0, category, draw, en, zh] = line.split(";") as [
      string,
      string,
      string,
      string,
      string,
    ];
    const [kind, ref] = draw.split(":") as [string, string];
    const builder = DRAW_PREFIX[kind];
    if (!builder) throw new Error(`vocabulary: unknown draw prefix "${kind}" in: ${line}`);
    const marked = en.split(",").map((w) => w.trim());
    const standIn = marked.filter((w) => w.startsWith("≈")).map((w) => w.slice(1));
    const words = marked.map((w) => w.replace(/^≈/, ""));
    out.push({
      id: id0.replace(/^~/, ""),
      category: category as SubjectCategory,
      builder,
      ref:
        kind === "role" || kind === "race" ? `${kind}:${ref}` : kind === "gi" ? `gi/${ref}` : ref,
      en: words.filter((w) => !w.startsWith("~")),
      weak: words.filter((w) => w.startsWith("~")).map((w) => w.slice(1)),
      standIn,
      zh: zh
        .split(",")
        .map((w) => w.trim())
        .filter(Boolean),
    });
  }
  return out;
}

export const SUBJECTS: readonly Subject[] = parseTable();

export const SUBJECT_BY_ID: ReadonlyMap<string, Subject> = new Map(SUBJECTS.map((s) => [s.id, s]));

// ---- modifiers ------------------------------------------------------------------------------

/** Materials and elements: they change how a subject is drawn, not only its hue. */
export type MaterialId =
  | "gold"
  | "silver"
  | "iron"
  | "rusty"
  | "wooden"
  | "stone"
  | "crystal"
  | "ice"
  | "fire"
  | "poison"
  | "magic"
  | "haunted"
  | "lightning"
  | "holy"
  | "broken"
  | "leather"
  | "obsidian"
  | "paper";

/**
 * The words of "magic" that say the thing gives off light: a glowing thing is drawn lit from
 * within, with a halo (modifiers.ts), where an enchanted one only sparkles.
 */
export const GLOW_WORDS = { en: ["glowing", "glow"], zh: ["发光"] };

export const MATERIALS: { id: MaterialId; en: string[]; zh: string[] }[] = [
  { id: "gold", en: ["gold", "golden", "gilded"], zh: ["金色", "黄金", "金子", "金"] },
  { id: "silver", en: ["silver", "silvery", "platinum"], zh: ["银色", "白银", "银子", "银"] },
  {
    id: "iron",
    en: ["iron", "steel", "metal", "metallic", "mechanical"],
    zh: ["铁", "钢", "金属"],
  },
  {
    id: "rusty",
    en: ["rusty", "rusted", "corroded", "old", "ancient"],
    // 老 on a person is an age (prompt.ts agedPerson), on a thing it is rust, as "old" is
    zh: ["生锈", "锈", "古老", "破旧", "老"],
  },
  { id: "wooden", en: ["wooden", "wood", "oak", "timber"], zh: ["木制", "木头的", "木"] },
  { id: "stone", en: ["stone", "rocky", "marble", "granite"], zh: ["石制", "石头的", "大理石"] },
  // brown hide with a stitched seam (eval-e: "a leather backpack" was red and gold)
  // black volcanic glass with a violet glint; cream paper (a paper crown, an origami crane)
  { id: "obsidian", en: ["obsidian", "onyx", "volcanic glass"], zh: ["黑曜石"] },
  { id: "paper", en: ["paper", "papery", "cardboard", "origami"], zh: ["纸质", "纸"] },
  {
    id: "leather",
    en: ["leather", "leathern", "hide", "suede", "rawhide"],
    zh: ["皮革", "皮质", "真皮"],
  },
  { id: "crystal", en: ["crystal", "crystalline", "glass", "diamond"], zh: ["水晶", "玻璃"] },
  {
    id: "ice",
    en: ["ice", "icy", "frost", "frosty", "frozen", "snowy", "cold"],
    zh: ["冰", "冰霜", "冰冻", "霜"],
  },
  {
    id: "fire",
    en: ["fire", "fiery", "flame", "flaming", "burning", "blazing", "lava", "molten", "inferno"],
    zh: ["火", "火焰", "燃烧", "烈焰", "熔岩"],
  },
  {
    id: "poison",
    en: ["poison", "poisonous", "toxic", "venom", "venomous", "acid", "acidic", "radioactive"],
    zh: ["毒", "有毒", "剧毒", "酸"],
  },
  {
    id: "magic",
    en: ["magic", "magical", "enchanted", "arcane", "mystic", "mystical", ...GLOW_WORDS.en],
    zh: ["魔法", "附魔", "神秘", ...GLOW_WORDS.zh],
  },
  {
    id: "haunted",
    en: [
      "haunted",
      "cursed",
      "dark",
      "shadow",
      "evil",
      "spooky",
      "creepy",
      "undead",
      "corrupted",
      "ghostly",
    ],
    zh: ["闹鬼", "诅咒", "黑暗", "暗影", "邪恶", "恐怖"],
  },
  {
    id: "lightning",
    en: ["electric", "lightning", "thunder", "storm", "shock"],
    zh: ["电", "雷", "闪电"],
  },
  {
    id: "holy",
    en: ["holy", "divine", "sacred", "blessed", "angelic", "celestial"],
    zh: ["神圣", "圣"],
  },
  // a shape, not a surface: a chipped notch and a crack (modifiers.ts drawMaterialFx)
  {
    id: "broken",
    en: ["broken", "cracked", "shattered", "damaged", "smashed", "chipped"],
    zh: ["破碎", "破损", "碎裂", "损坏", "坏掉"],
  },
];

export const COLORS: { id: string; en: string[]; zh: string[]; hex: string }[] = [
  // game words that mean a colour: health is red, mana blue, stamina yellow (HUD conventions)
  {
    id: "red",
    en: ["red", "crimson", "scarlet", "health", "healing", "life", "hp", "blood", "bloody"],
    zh: ["红色", "红", "赤", "生命", "血", "治疗"],
    hex: "#d8383c",
  },
  { id: "orange", en: ["orange", "amber"], zh: ["橙色", "橙", "橘色"], hex: "#f0862a" },
  {
    id: "yellow",
    en: ["yellow", "stamina", "energy"],
    zh: ["黄色", "黄", "体力", "耐力"],
    hex: "#f2d23c",
  },
  { id: "lime", en: ["lime"], zh: ["黄绿"], hex: "#a4dc3a" },
  { id: "green", en: ["green", "emerald", "jade"], zh: ["绿色", "绿"], hex: "#44b04e" },
  {
    id: "teal",
    en: ["teal", "cyan", "turquoise", "aqua"],
    zh: ["青色", "蓝绿", "青"],
    hex: "#2cb8b0",
  },
  {
    id: "blue",
    en: ["blue", "azure", "mana", "mp"],
    zh: ["蓝色", "蓝", "法力", "魔力"],
    hex: "#3c6ee6",
  },
  { id: "navy", en: ["navy"], zh: ["藏青", "深蓝"], hex: "#2c3c8c" },
  {
    id: "purple",
    en: ["purple", "violet", "lavender", "indigo"],
    zh: ["紫色", "紫"],
    hex: "#8c48cc",
  },
  { id: "pink", en: ["pink", "magenta"], zh: ["粉色", "粉红", "粉"], hex: "#f078b4" },
  { id: "brown", en: ["brown", "chocolate"], zh: ["棕色", "褐色", "棕", "褐"], hex: "#8c5a30" },
  { id: "black", en: ["black"], zh: ["黑色", "黑"], hex: "#34303e" },
  { id: "white", en: ["white", "pale"], zh: ["白色", "白"], hex: "#eeeef2" },
  { id: "grey", en: ["grey", "gray"], zh: ["灰色", "灰"], hex: "#8a8c98" },
];

/** Words that name a size (grid) rather than a subject. */
export const SIZE_WORDS: { en: string[]; zh: string[]; size: number }[] = [
  { en: ["tiny", "mini", "micro"], zh: ["迷你", "微型", "极小"], size: 16 },
  { en: ["small", "little"], zh: ["小型"], size: 24 },
  { en: ["big", "large"], zh: ["大型"], size: 48 },
  { en: ["giant", "huge", "massive", "colossal", "enormous"], zh: ["巨型", "巨大"], size: 64 },
];

/**
 * Shape words: a rig with alternative forms draws the one named (item.ts: a round shield, a
 * curved sword, a square bottle); on anything else the line says the word was not drawn.
 */
export const SHAPE_WORDS: { id: string; en: string[]; zh: string[] }[] = [
  { id: "round", en: ["round", "circular", "rounded"], zh: ["圆形", "圆"] },
  { id: "square", en: ["square", "rectangular", "boxy"], zh: ["方形"] },
  { id: "curved", en: ["curved", "bent", "hooked"], zh: ["弯曲", "弯"] },
  { id: "straight", en: ["straight"], zh: ["笔直"] },
  { id: "pointed", en: ["pointed"], zh: ["尖头"] },
  { id: "wavy", en: ["wavy"], zh: ["波浪形"] },
  { id: "broad", en: ["broad", "wide"], zh: ["宽"] },
  { id: "double", en: ["double", "double-bladed", "double-bit"], zh: ["双刃"] },
  { id: "long", en: ["long"], zh: [] },
  { id: "short", en: ["short", "stubby"], zh: [] },
];

/**
 * Words that name a young animal (a puppy is a young dog): the animal rig draws it young, a big
 * head on short legs and a short muzzle; a drawing that cannot says so. The subject words among
 * them (puppy, kitten, 小狗 …) stay on their subject's line; the others only say "young".
 */
export const YOUNG_WORDS = {
  en: ["young", "juvenile", "cub", "cubs", "joey", "whelp"],
  zh: ["幼崽", "幼年", "幼小", "幼"],
};
export const YOUNG_NAMES = new Set([
  "puppy",
  "puppies",
  "pup",
  "pups",
  "kitten",
  "kittens",
  "kitty",
  "kitties",
  "calf",
  "calves",
  "piglet",
  "piglets",
  "duckling",
  "ducklings",
  "lamb",
  "lambs",
  "foal",
  "foals",
  "colt",
  "filly",
  "fawn",
  "wolf pup",
  "wolf cub",
  "小狗",
  "小猫",
  "小马",
  "小猪",
  "小鸭",
  "小羊",
  "小狼",
]);

/**
 * State words a drawing shows: asleep (lying down, eyes shut, a "z" over the head); headless (a
 * person drawn without its head, a stump at the collar: eval-f's "Headless Horseman").
 */
export const STATE_WORDS = {
  asleep: {
    en: ["sleepy", "sleeping", "asleep", "dozing", "napping", "snoozing", "drowsy", "slumbering"],
    zh: ["睡着", "睡觉的", "熟睡", "沉睡", "打瞌睡", "困倦", "犯困"],
  },
  headless: { en: ["headless", "beheaded", "decapitated"], zh: ["无头", "无头的", "没有头的"] },
};

/**
 * Build words the beings' rigs draw: fat is a wider, deeper body (the four-legged rig's barrel,
 * a person's big trunk). "big belly" is one phrase, so "big" in it is not the sprite's size.
 */
export const BUILD_WORDS = {
  fat: {
    en: [
      "fat",
      "chubby",
      "plump",
      "pudgy",
      "portly",
      "rotund",
      "tubby",
      "potbellied",
      "pot-bellied",
      "paunchy",
      "obese",
      "overweight",
      "roly-poly",
      "big-bellied",
      "big belly",
      "fat belly",
      "pot belly",
      "potbelly",
      "round belly",
    ],
    zh: ["胖", "胖乎乎", "圆滚滚", "大肚子", "肥胖", "肥嘟嘟"],
  },
};

/** Style words that the builders read (cute = chibi proportions). */
export const STYLE_WORDS = {
  cute: { en: ["cute", "kawaii", "chibi", "adorable", "baby"], zh: ["可爱", "萌", "小"] },
};

/**
 * Material words that, before a real animal's name, name its coat: a snowy owl is white, a golden
 * retriever golden, a silver fox grey (a creature keeps the material: a golden dragon is gold).
 */
export const COAT_COLORS: Record<string, string> = {
  snowy: "#eeeef2",
  golden: "#d8a040",
  silver: "#b4b8c4",
  silvery: "#b4b8c4",
};

/** Materials and colours a subject has unless the prompt says otherwise (a barrel is wooden). */
export const SUBJECT_DEFAULTS: Record<
  string,
  { materials?: MaterialId[]; color?: string; accent?: string }
> = {
  golem: { materials: ["stone"], color: "#8a8c98" },
  // a kind of tree is its crown's colour, dotted with its flowers or its turning leaves (eval-f:
  // 樱花树 was a green tree with red dots)
  "blossom-tree": { color: "#f4a6c6", accent: "#e0609c" },
  "autumn-tree": { color: "#e0642c", accent: "#f4c03c" },
  // a panther is the black leopard (a spotted one is a leopard or a jaguar)
  panther: { color: "#34303e" },
  gargoyle: { materials: ["stone"] },
  // leather armour is brown hide in every take (a take's scheme turned it yellow or grey)
  "leather-armor": { materials: ["leather"] },
  // a gem's name is its colour
  ruby: { color: "#d8383c" },
  emerald: { color: "#44b04e" },
  amethyst: { color: "#8c48cc" },
  topaz: { color: "#f2b83c" },
};

/** What a class carries when the prompt names nothing: an item from the vocabulary. */
export const ROLE_ITEMS: Record<string, string> = {
  merchant: "money-bag",
  bard: "guitar",
  chef: "meat",
};

/** Words that introduce a held item. */
export const HOLD_WORDS = {
  en: [
    "with",
    "holding",
    "wielding",
    "carrying",
    "brandishing",
    "biting",
    "swinging",
    "grabbing",
    "using",
    "has",
    // an instrument is held to be played: "a bard playing a lute", "strumming a guitar"
    "playing",
    "strumming",
  ],
  zh: [
    "弹着",
    "吹着",
    "拿着",
    "手持",
    "持着",
    "握着",
    "举着",
    "带着",
    "叼着",
    "衔着",
    "拿",
    "持",
    "握",
    "叼",
  ],
};

/** Words that carry no subject meaning in a sprite prompt; never reported as "not understood". */
export const FILLERS = {
  en: `a an the of and or in on at for to from by as is are its it this that his her their some
    pixel pixels art sprite sprites game asset assets icon icons style styled 8-bit 16-bit
    8bit 16bit retro px rpg platformer top-down topdown side view side-view front facing camera
    isometric 2d 3d image picture drawing design concept sheet set one two three four single
    simple detailed very quite really super cool nice beautiful pretty classic fantasy scifi sci-fi
    medieval modern futuristic cartoon cartoony stylized new standing walking running idle animation
    animated frame frames transparent background white black-and-white made like looking wearing
    tile-able tileable seamless ready shaped shape full body portrait`
    .split(/\s+/)
    .filter(Boolean),
  zh: [
    "的",
    "戴着",
    "穿着",
    "戴",
    "穿",
    "会",
    "一个",
    "一只",
    "一把",
    "一位",
    "一座",
    "一辆",
    "一块",
    "一瓶",
    // counts with their classifiers (a goldfish is 一条金鱼, a horse 一匹马)
    "一条",
    "一头",
    "一匹",
    "一棵",
    "一朵",
    "一颗",
    "一本",
    "一件",
    "一名",
    "一根",
    "一支",
    "一张",
    "一艘",
    "一盏",
    "一顶",
    "条",
    "匹",
    "棵",
    "朵",
    "颗",
    "艘",
    "盏",
    "个",
    "只",
    "把",
    "位",
    "座",
    "辆",
    "块",
    "瓶",
    "像素",
    "风格",
    "精灵图",
    "游戏",
    "素材",
    "图标",
    "和",
    "与",
    "在",
    "是",
    "了",
    "画",
    "张",
  ],
};
